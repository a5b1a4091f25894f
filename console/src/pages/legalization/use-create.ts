/** Registering one record by hand; the server's field messages show beside the fields. */
import { reactive, ref } from 'vue';
import { toast } from '../../components/toast';
import { legalizationApi } from '../../api/legalization-api';
import { ApiError } from '../../api/http';
import { DOCUMENT_TYPES, documentTypeLabels } from '../../../../miniprogram/domain/legalization';
import { t } from '../../locale/zh-CN';

type Field = 'legalizationNo' | 'stickerNo' | 'authorityId' | 'documentType' | 'issuedOn';
const FIELDS: Field[] = ['legalizationNo', 'stickerNo', 'authorityId', 'documentType', 'issuedOn'];

export const documentTypeOptions = DOCUMENT_TYPES.map((value) => ({ value, label: documentTypeLabels[value] }));

export function useCreate() {
  const form = reactive<Record<Field, string>>({ legalizationNo: '', stickerNo: '', authorityId: '', documentType: '', issuedOn: '' });
  const errors = reactive<Partial<Record<Field, string>>>({});
  const formError = ref('');
  const saving = ref(false);

  function clearErrors() {
    for (const field of FIELDS) delete errors[field];
    formError.value = '';
  }

  async function submit() {
    clearErrors();
    for (const field of FIELDS) if (!form[field].trim()) errors[field] = t.legalization.create.required;
    if (FIELDS.some((field) => errors[field])) return;
    saving.value = true;
    try {
      const record = await legalizationApi.create({ ...form });
      void toast.success(t.legalization.create.created(record.legalizationNo));
      form.legalizationNo = '';
      form.stickerNo = '';
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        for (const field of FIELDS) if (error.fields[field]) errors[field] = error.fields[field];
      }
      formError.value = error instanceof ApiError ? error.message : t.errors.unexpected;
    } finally {
      saving.value = false;
    }
  }

  return { form, errors, formError, saving, submit };
}
