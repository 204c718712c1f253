// CRM payloads mapped to Landfall's won-deal format. Pure; the result is validated like any other deal.

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (value === undefined || value === null || value === '' ? undefined : String(value));

/** HubSpot sends properties either as plain values or as { value }. */
function hubspotProperty(properties: Loose, name: string): string | undefined {
  const raw = properties[name];
  return text(isObject(raw) ? raw.value : raw);
}

function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return new Date(Number(value)).toISOString().slice(0, 10);
  return value.slice(0, 10);
}

const domainOf = (website: string | undefined) =>
  website?.replace(/^https?:\/\//, '').replace(/^www\./, '').split('/')[0]?.toLowerCase() || undefined;

/** The deal's first associated company: CRM v3 `associations.companies.results[].id`, or v1 `associatedCompanyIds`. */
function hubspotCompanyId(payload: Loose): string | undefined {
  const associations = isObject(payload.associations) ? payload.associations : {};
  const companies = isObject(associations.companies) && Array.isArray(associations.companies.results) ? associations.companies.results.filter(isObject) : [];
  const legacy = Array.isArray(associations.associatedCompanyIds) ? associations.associatedCompanyIds : [];
  return text(companies[0]?.id) ?? text(legacy[0]);
}

/**
 * A HubSpot workflow webhook for a deal moved to closed-won: `objectId`, deal `properties`
 * (dealname, amount, closedate, deal_currency_code, landfall_segment, landfall_complexity, products (a ; list),
 * company_name, company_domain, industry, sales_rep_email), `associations` (companies) and `contacts`
 * [{ email, firstname, lastname, jobtitle, landfall_role }].
 */
export function fromHubspot(payload: unknown): unknown {
  if (!isObject(payload)) return payload;
  const properties = isObject(payload.properties) ? payload.properties : {};
  const p = (name: string) => hubspotProperty(properties, name);
  const contacts = Array.isArray(payload.contacts) ? payload.contacts.filter(isObject) : [];
  return {
    dealId: text(payload.objectId) ?? p('hs_object_id'),
    company: {
      id: hubspotCompanyId(payload),
      name: p('company_name') ?? p('dealname'),
      domain: domainOf(p('company_domain')),
      industry: p('industry'),
      segment: p('landfall_segment'),
      complexity: p('landfall_complexity'),
    },
    products: (p('products') ?? '').split(';').map((product) => product.trim()).filter(Boolean),
    contractValue: p('amount') ? Math.round(Number(p('amount'))) : undefined,
    currency: p('deal_currency_code'),
    closedOn: isoDay(p('closedate')),
    contacts: contacts.map((contact) => ({
      name: [text(contact.firstname), text(contact.lastname)].filter(Boolean).join(' '),
      email: text(contact.email),
      title: text(contact.jobtitle) ?? null,
      role: text(contact.landfall_role) ?? 'end_user',
    })),
    salesRep: { email: p('sales_rep_email') },
  };
}

/**
 * A Salesforce platform event (or flow-built outbound JSON) for a won opportunity:
 * { organizationId, opportunity: { Id, Name, Amount, CloseDate, CurrencyIsoCode, Products__c, AccountId,
 *   Account: { Id, Name, Website, Industry, Segment__c, Complexity__c }, Owner: { Email, Name },
 *   ContactRoles: [{ Role, Contact: { Name, Email, Title } }] } }
 */
export function fromSalesforce(payload: unknown): { organizationId: string | undefined; deal: unknown } {
  if (!isObject(payload)) return { organizationId: undefined, deal: payload };
  const data = isObject(payload.data) && isObject(payload.data.payload) ? payload.data.payload : payload;
  const opportunity = isObject(data.opportunity) ? data.opportunity : {};
  const account = isObject(opportunity.Account) ? opportunity.Account : {};
  const owner = isObject(opportunity.Owner) ? opportunity.Owner : {};
  const roles = Array.isArray(opportunity.ContactRoles) ? opportunity.ContactRoles.filter(isObject) : [];
  const roleOf = (role: string | undefined) =>
    ({ 'Economic Buyer': 'executive_sponsor', 'Executive Sponsor': 'executive_sponsor', Champion: 'champion', 'Business User': 'end_user', 'Technical Buyer': 'admin', 'Project Lead': 'project_lead' })[role ?? ''] ?? 'end_user';
  return {
    organizationId: text(data.organizationId ?? data.OrganizationId),
    deal: {
      dealId: text(opportunity.Id),
      company: {
        id: text(opportunity.AccountId) ?? text(account.Id),
        name: text(account.Name),
        domain: domainOf(text(account.Website)),
        industry: text(account.Industry),
        segment: text(account.Segment__c)?.toLowerCase().replace(/[- ]/g, '_'),
        complexity: text(account.Complexity__c)?.toLowerCase(),
      },
      products: (text(opportunity.Products__c) ?? '').split(';').map((product) => product.trim()).filter(Boolean),
      contractValue: opportunity.Amount === undefined ? undefined : Math.round(Number(opportunity.Amount)),
      currency: text(opportunity.CurrencyIsoCode),
      closedOn: isoDay(text(opportunity.CloseDate)),
      contacts: roles.map((role) => {
        const contact = isObject(role.Contact) ? role.Contact : {};
        return { name: text(contact.Name), email: text(contact.Email), title: text(contact.Title) ?? null, role: roleOf(text(role.Role)) };
      }),
      salesRep: { email: text(owner.Email), name: text(owner.Name) },
    },
  };
}
