// What a school leader may write as an action plan: per area an optional target score (0–100) and what the
// school will do. Field names are "target-<area id>" and "actions-<area id>" on one form.

export type ActionPlanEntry = { areaId: string; target: number | null; actions: string }
export type ActionPlanCheck = { ok: true; entries: ActionPlanEntry[] } | { ok: false; errors: Record<string, string[]> }

export const MAX_ACTIONS_LENGTH = 2000

export function checkActionPlan(values: Readonly<Record<string, string | undefined>>, areaIds: readonly string[]): ActionPlanCheck {
  const errors: Record<string, string[]> = {}
  const entries: ActionPlanEntry[] = []
  for (const areaId of areaIds) {
    const targetText = (values[`target-${areaId}`] ?? '').trim()
    const actions = (values[`actions-${areaId}`] ?? '').trim()
    const target = targetText === '' ? null : Number(targetText)
    if (target !== null && (!Number.isFinite(target) || target < 0 || target > 100)) errors[`target-${areaId}`] = ['Enter a target score between 0 and 100, or leave it empty.']
    if (actions.length > MAX_ACTIONS_LENGTH) errors[`actions-${areaId}`] = [`Keep the actions under ${MAX_ACTIONS_LENGTH} characters.`]
    if (target !== null || actions !== '') entries.push({ areaId, target: target === null ? null : Math.round(target * 10) / 10, actions })
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, entries }
}
