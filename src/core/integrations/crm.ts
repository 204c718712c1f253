// What a project writes back to the CRM deal (HubSpot) or opportunity (Salesforce). Pure: the facts come in,
// the fields to PATCH come out. Property names are the custom properties a workspace adds to its CRM once.

export interface ProjectStandingFacts {
  stage: string | null;
  projectedGoLive: string | null;
  health: string;
  status: string;
  /** Value achieved: the outcomes the customer confirmed, as a share of those planned (0–100), or null. */
  valueAchievedPercent: number | null;
}

/** HubSpot deal properties (create them in HubSpot: Settings → Properties → Deal). */
export function hubspotDealProperties(facts: ProjectStandingFacts): Record<string, string> {
  return {
    landfall_onboarding_stage: facts.stage ?? '',
    landfall_projected_go_live: facts.projectedGoLive ?? '',
    landfall_health: facts.health,
    landfall_status: facts.status,
    landfall_value_achieved: facts.valueAchievedPercent === null ? '' : String(facts.valueAchievedPercent),
  };
}

/** Salesforce opportunity custom fields (create them in Setup → Object Manager → Opportunity). */
export function salesforceOpportunityFields(facts: ProjectStandingFacts): Record<string, string | number | null> {
  return {
    Landfall_Onboarding_Stage__c: facts.stage,
    Landfall_Projected_Go_Live__c: facts.projectedGoLive,
    Landfall_Health__c: facts.health,
    Landfall_Status__c: facts.status,
    Landfall_Value_Achieved__c: facts.valueAchievedPercent,
  };
}

/** Changes within this window coalesce into one write-back per project. */
export const CRM_DEBOUNCE_MS = 60_000;
