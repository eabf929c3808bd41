import { Empty, Tabs } from 'antd';
import { useState, type ComponentType } from 'react';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { ApprovalForm, ClosureForm, LEVEL_ROLES, NotifyForm, PayoutForm, pendingLevel } from './actions-approval';
import { EvaluationForm, OutcomeForm, PenaltyForm, ProposalForm, type ActionProps } from './actions-officer';
import { useRewardLabels } from './common';
import { END_STATES } from './types';

type Action = [key: string, allowed: boolean, form: ComponentType<ActionProps>];

/** The forms the signed-in user may use in the case's status (the roles in docs/integrators/rewards-api.md); the main step first. */
export function CaseActions(props: ActionProps) {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useRewardLabels();
  const c = props.rewardCase;
  const s = c.status;
  const live = !END_STATES.includes(s);
  const officer = can('reward-officer');
  const level = pendingLevel(c);
  const granted = (s === 'finance-approved' && !c.especiallySerious) || s === 'city-approved';
  const actions = (
    [
      // a bounty award names its reporter and amount when it is made: no evaluation, no proposal
      ['evaluate', officer && c.kind === 'problem' && (s === 'opened' || s === 'evaluated'), EvaluationForm],
      ['propose', officer && c.kind === 'problem' && s === 'evaluated', ProposalForm],
      ['approve', !!level && can(LEVEL_ROLES[level]), ApprovalForm],
      ['notify', officer && granted, NotifyForm],
      ['payout', can('finance') && s === 'claimed', PayoutForm],
      // a penalty or outcome on a paid case reopens it for a supplementary reward
      ['penalty', officer && live && c.kind === 'problem', PenaltyForm],
      ['outcome', officer && live && c.kind === 'problem', OutcomeForm],
      ['close', officer && live && s !== 'claimed' && s !== 'paid', ClosureForm],
    ] satisfies Action[]
  ).filter(([, allowed]) => allowed);
  const [active, setActive] = useState<string>();
  const keys = actions.map(([key]) => key);
  const activeKey = active && keys.includes(active) ? active : keys[0];
  if (!actions.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rewards.actions.none', { status: labels.status(s) })} />;
  }
  return (
    <Tabs
      key={s}
      activeKey={activeKey}
      onChange={setActive}
      items={actions.map(([key, , Form]) => ({
        key,
        label: <span data-testid={`action-tab-${key}`}>{t(`rewards.action.${key}`)}</span>,
        children: <Form {...props} />,
      }))}
    />
  );
}
