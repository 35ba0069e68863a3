import { SetMetadata } from '@nestjs/common';

export const ZONELESS_DATE_FIELDS = 'urikiri:zoneless-date-fields';

export interface ZonelessDateFields {
  body?: string[];
  query?: string[];
}

/** Fields of the request whose zone-less dates are read in the configured TIMEZONE. */
export const ZonelessDates = (fields: ZonelessDateFields) => SetMetadata(ZONELESS_DATE_FIELDS, fields);
