// One zod schema over the environment. Everything the service reads from outside is checked here,
// once, and refused with a message that names the variable and says what is expected.
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyToUndefined, z.string().optional());

/** A GOV.UK Notify template id (a UUID, as Notify shows it on the template's page). */
const notifyTemplate = optionalText.pipe(
  z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'must be a Notify template ID (a UUID)',
    )
    .optional(),
);

const port = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ invalid_type_error: 'must be a whole number from 0 to 65535 (0 picks a free port)' })
    .int('must be a whole number from 0 to 65535 (0 picks a free port)')
    .min(0, 'must be a whole number from 0 to 65535 (0 picks a free port)')
    .max(65535, 'must be a whole number from 0 to 65535 (0 picks a free port)')
    .default(3978),
);

const httpsUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .url('must be a full web address such as https://bot.example.org')
    .refine((u) => /^https?:\/\//.test(u), 'must start with https:// (or http:// for local testing)')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
);

export const configSchema = z
  .object({
    PORT: port,
    HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    STORAGE: z.preprocess(
      emptyToUndefined,
      z.enum(['lowdb', 'blob'], { message: 'must be "lowdb" (the default) or "blob"' }).default('lowdb'),
    ),
    AZURE_STORAGE_CONNECTION_STRING: optionalText.pipe(
      z
        .string()
        .refine(
          (v) => /(^|;)\s*(AccountName|BlobEndpoint)=/i.test(v) || /UseDevelopmentStorage=true/i.test(v),
          'must be an Azure Storage connection string (it contains AccountName=... or BlobEndpoint=...)',
        )
        .optional(),
    ),
    AZURE_STORAGE_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
          'must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit',
        )
        .default('safer-kingston'),
    ),
    MicrosoftAppId: optionalText.pipe(
      z
        .string()
        .uuid("must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000")
        .optional(),
    ),
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z
        .enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'], {
          message: 'must be SingleTenant, UserAssignedMSI or MultiTenant',
        })
        .optional(),
    ),
    MicrosoftAppTenantId: optionalText.pipe(
      z.string().uuid('must be the Microsoft Entra tenant ID, a GUID').optional(),
    ),
    DIRECT_LINE_SECRET: optionalText.pipe(
      z.string().min(20, 'must be the full Direct Line secret from Azure').optional(),
    ),
    DIRECT_LINE_ENDPOINT: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url('must be a web address such as https://europe.directline.botframework.com/v3/directline')
        .default('https://directline.botframework.com/v3/directline'),
    ),
    PUBLIC_URL: httpsUrl,
    /** Sites that may show the chat page in the embed widget (CSP frame-ancestors). */
    EMBED_ORIGINS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('*')
        .transform((v) => v.split(/[\s,]+/).filter(Boolean))
        .refine(
          (origins) => origins.every((o) => o === '*' || /^https?:\/\/[a-z0-9.*:-]+$/i.test(o)),
          'must be * (any site) or web origins such as https://group.org.uk, separated by spaces or commas',
        ),
    ),
    STAFF_TOKEN: optionalText.pipe(
      z
        .string()
        .min(32, 'must be at least 32 characters long (use a random value, e.g. openssl rand -hex 32)')
        .optional(),
    ),
    RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ invalid_type_error: 'must be a whole number of days from 1 to 3650' })
        .int('must be a whole number of days from 1 to 3650')
        .min(1, 'must be a whole number of days from 1 to 3650')
        .max(3650, 'must be a whole number of days from 1 to 3650')
        .default(90),
    ),
    /** GOV.UK Notify: booking emails are off unless the API key is set. */
    NOTIFY_API_KEY: optionalText.pipe(
      z
        .string()
        .regex(
          /^[\w-]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
          'must be a GOV.UK Notify API key (its name, then two UUIDs, as Notify shows it once)',
        )
        .optional(),
    ),
    NOTIFY_BASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .url('must be a web address such as https://api.notifications.service.gov.uk')
        .default('https://api.notifications.service.gov.uk'),
    ),
    NOTIFY_TEMPLATE_BOOKED: notifyTemplate,
    NOTIFY_TEMPLATE_MOVED: notifyTemplate,
    NOTIFY_TEMPLATE_WAITING: notifyTemplate,
    NOTIFY_TEMPLATE_PROMOTED: notifyTemplate,
    NOTIFY_TEMPLATE_CANCELLED: notifyTemplate,
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z
        .enum(['debug', 'info', 'warn', 'error'], { message: 'must be debug, info, warn or error' })
        .default('info'),
    ),
  })
  .superRefine((c, ctx) => {
    const need = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (c.STORAGE === 'blob' && !c.AZURE_STORAGE_CONNECTION_STRING)
      need(
        'AZURE_STORAGE_CONNECTION_STRING',
        "must be set when STORAGE is blob (the storage account's connection string)",
      );
    if (c.MicrosoftAppId) {
      if (!c.MicrosoftAppType)
        need('MicrosoftAppType', 'must be set when MicrosoftAppId is set (SingleTenant or UserAssignedMSI)');
      if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword)
        need(
          'MicrosoftAppPassword',
          'must be set when MicrosoftAppId is set, unless MicrosoftAppType is UserAssignedMSI',
        );
      if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId)
        need(
          'MicrosoftAppTenantId',
          `must be set when MicrosoftAppType is ${c.MicrosoftAppType ?? 'SingleTenant'}`,
        );
    } else if (c.MicrosoftAppPassword || c.MicrosoftAppTenantId) {
      need('MicrosoftAppId', 'must be set when MicrosoftAppPassword or MicrosoftAppTenantId is set');
    }
    if (c.NOTIFY_API_KEY && !c.NOTIFY_TEMPLATE_BOOKED)
      need('NOTIFY_TEMPLATE_BOOKED', 'must be set when NOTIFY_API_KEY is set (the confirmation template)');
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The service cannot start: fix these settings (environment variables or .env):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Values of secrets are never echoed back in messages. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
}

/** Local mode: no Azure identity, so no authentication and the embedded Direct Line serves the page. */
export function isLocalMode(config: Config): boolean {
  return !config.MicrosoftAppId;
}
