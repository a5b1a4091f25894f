/** The issuing authorities for the selects: loaded once per page load, shared by the panels. */
import { ref } from 'vue';
import { legalizationApi, type AuthorityList, type RegistryName } from '../../api/legalization-api';
import { issuesApostilles } from '../../../../miniprogram/domain/apostille';

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
  // Missions legalize but never issue apostilles.
  const options = (registry: RegistryName = 'legalization') =>
    authorities.value
      .filter((a) => registry === 'legalization' || issuesApostilles(a.kind))
      .map((a) => ({ value: a.id, label: `${a.nameZh}（${a.id}）` }));
  return { authorities, options };
}
