import { z } from 'zod';

/** One RMS shop's Web API keys (RMS > 店舗様向け情報・サービス > WEB APIサービス). */
export const rakutenCredentials = z
  .object({
    serviceSecret: z.string().min(1),
    licenseKey: z.string().min(1),
  })
  .strict();

export type RakutenCredentials = z.infer<typeof rakutenCredentials>;

/** `Authorization: ESA base64(serviceSecret:licenseKey)`, as RMS expects it. */
export function esaAuthorization(credentials: RakutenCredentials): string {
  return `ESA ${Buffer.from(`${credentials.serviceSecret}:${credentials.licenseKey}`).toString('base64')}`;
}
