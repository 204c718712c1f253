import { useMemo } from 'react';
import { formatDate } from '../../app/format.ts';
import { SelectField } from '../../components/ui/Field.tsx';
import { useHolidayCountries, usePublicHolidays } from './settings.api.ts';

export interface HolidayPlace {
  country: string;
  region: string;
}

/** The country from the browser's language ("en-US" → US): a good first guess at whose holidays the team keeps. */
export function browserCountry(): string {
  const tag = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  return /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(tag)?.[1]?.toUpperCase() ?? '';
}

/**
 * Whose public holidays are days off: a country, then one of its regions (a US state, a German Land) when its
 * holidays differ. Shows the days off it adds this year, so the choice is not blind.
 */
export function HolidayPlaceFields({
  value,
  onChange,
  disabled,
  errors,
  year,
}: {
  value: HolidayPlace;
  onChange: (next: HolidayPlace) => void;
  disabled?: boolean;
  errors?: { country?: string | undefined; region?: string | undefined };
  year: number;
}) {
  const countries = useHolidayCountries();
  const country = countries.data?.find((c) => c.code === value.country);
  const countryOptions = useMemo(() => (countries.data ?? []).map((c) => ({ value: c.code, label: c.name })), [countries.data]);
  const holidays = usePublicHolidays(country ? value.country : '', value.region, year);
  const days = holidays.data ?? [];
  return (
    <>
      <SelectField
        label="Public holidays"
        disabled={disabled || countries.isPending}
        options={countryOptions}
        placeholder={countries.isPending ? 'Loading countries…' : 'None'}
        value={country ? value.country : ''}
        onChange={(event) => onChange({ country: event.target.value, region: '' })}
        hint="Your country's public holidays are days off: no work is planned on them."
        error={errors?.country}
      />
      {country && country.regions.length > 0 && (
        <SelectField
          label="Region"
          optional
          disabled={disabled}
          options={country.regions.map((r) => ({ value: r.code, label: r.name }))}
          placeholder="The whole country"
          value={value.region}
          onChange={(event) => onChange({ country: value.country, region: event.target.value })}
          hint="Adds that region's own days off."
          error={errors?.region}
        />
      )}
      {country && days.length > 0 && (
        <p className="field-hint">
          {days.length} days off in {year}: {days.map((day) => `${day.name} (${formatDate(day.date)})`).join(', ')}.
        </p>
      )}
    </>
  );
}
