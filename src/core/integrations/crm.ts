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

/** What the company (HubSpot) or account (Salesforce) is told: the account's figures across all its projects. */
export interface AccountStandingFacts {
  /** The account's health band and score (null until it is scored). */
  healthBand: string | null;
  healthScore: number | null;
  /** Outcomes the customer confirmed across the account's projects, as a share of those planned (0–100), or null. */
  valueAchievedPercent: number | null;
  /** The next renewal, when known. */
  renewalOn: string | null;
}

/** HubSpot company properties (create them in HubSpot: Settings → Properties → Company). */
export function hubspotCompanyProperties(facts: AccountStandingFacts): Record<string, string> {
  return {
    landfall_account_health: facts.healthBand ?? '',
    landfall_account_health_score: facts.healthScore === null ? '' : String(facts.healthScore),
    landfall_value_achieved: facts.valueAchievedPercent === null ? '' : String(facts.valueAchievedPercent),
    landfall_next_renewal: facts.renewalOn ?? '',
  };
}

/** Salesforce account custom fields (create them in Setup → Object Manager → Account). */
export function salesforceAccountFields(facts: AccountStandingFacts): Record<string, string | number | null> {
  return {
    Landfall_Account_Health__c: facts.healthBand,
    Landfall_Health_Score__c: facts.healthScore,
    Landfall_Value_Achieved__c: facts.valueAchievedPercent,
    Landfall_Next_Renewal__c: facts.renewalOn,
  };
}

/** Changes within this window coalesce into one write-back per project. */
export const CRM_DEBOUNCE_MS = 60_000;
