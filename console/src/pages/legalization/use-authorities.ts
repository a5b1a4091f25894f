/** The issuing authorities for the selects: loaded once per page load, shared by the panels. */
import { ref } from 'vue';
import { legalizationApi, type AuthorityList } from '../../api/legalization-api';

type Authority = AuthorityList['authorities'][number];

const authorities = ref<Authority[]>([]);
let loading: Promise<void> | null = null;

export function useAuthorities() {
  if (!loading) {
    loading = legalizationApi
      .authorities()
      .then((list) => {
        authorities.value = list.authorities;
      })
      .catch(() => {
        loading = null;
      });
  }
  const options = () => authorities.value.map((a) => ({ value: a.id, label: `${a.nameZh}（${a.id}）` }));
  return { authorities, options };
}
