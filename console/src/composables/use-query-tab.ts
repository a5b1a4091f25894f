/**
 * A page's tab kept in the address (?tab=…), so a link or a reload opens the same tab and
 * the back button walks tabs the way the reviewer did. Unknown values fall back to the first.
 */
import { ref, watch, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export function useQueryTab<Tab extends string>(tabs: readonly [Tab, ...Tab[]]): Ref<Tab> {
  const route = useRoute();
  const router = useRouter();
  const fromQuery = (value: unknown): Tab => (tabs.includes(value as Tab) ? (value as Tab) : tabs[0]);
  const tab = ref(fromQuery(route.query.tab)) as Ref<Tab>;
  watch(tab, (value) => {
    if (route.query.tab !== value) void router.replace({ query: { ...route.query, tab: value } });
  });
  watch(
    () => route.query.tab,
    (value) => {
      tab.value = fromQuery(value);
    },
  );
  return tab;
}
