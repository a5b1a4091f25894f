/**
 * Which queue the reviewer came from (its status filter): j / k and 下一份 in the
 * application view walk that same queue, in the same order.
 */
import { reactive } from 'vue';

export const queueContext = reactive({ status: 'submitted' });
