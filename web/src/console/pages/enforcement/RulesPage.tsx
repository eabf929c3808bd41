import { useSession } from '../../session';
import { VersionedRulesPage } from '../admin/versioned-rules';
import { forget } from './common';
import { RulesView } from './rules-view';
import { RULE_KINDS } from './types';

/** 执法规则: credit levels and moves, supervision lists and ratios, the minor-violation list — each versioned. */
export default function RulesPage() {
  const { can } = useSession();
  return <VersionedRulesPage area="enforcement" kinds={RULE_KINDS} mayEdit={can('enforcement-officer')} View={RulesView} afterSave={(kind) => forget(`/api/enforcement/rules/${kind}`)} />;
}
