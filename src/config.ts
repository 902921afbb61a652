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

/** A whole number setting with a default, refused with a message naming the range. */
const wholeNumber = (min: number, max: number, fallback: number, unit: string) => {
  const message = `must be a whole number of ${unit} from ${min} to ${max}`;
  return z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: message })
      .int(message)
      .min(min, message)
      .max(max, message)
      .default(fallback),
  );
};

export const configSchema = z
  .object({
    PORT: port,
    /** Loopback by default; App Service needs 0.0.0.0 (all interfaces), set in its app settings. */
    HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
    /**
     * How many proxies in front of the service add to X-Forwarded-For (App Service's front end: 1).
     * 0: the header is ignored and the client is the connection's address.
     */
    TRUST_PROXY: wholeNumber(0, 5, 0, 'proxies'),
    // Per-client limits (per minute). Sized for people: a resident sends a few messages a minute.
    RATE_LIMIT_MESSAGES_PER_MINUTE: wholeNumber(1, 1_000_000, 120, 'messages'),
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: wholeNumber(1, 1_000_000, 30, 'conversations'),
    RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: wholeNumber(1, 1_000_000, 10, 'attempts'),
    /** Insights (counts for the staff dashboard) are written together at most this often, in ms. */
    INSIGHTS_FLUSH_MS: wholeNumber(0, 60_000, 1000, 'milliseconds'),
    // The local Direct Line's memory: conversations live in memory, so they are capped.
    DIRECT_LINE_MAX_CONVERSATIONS: wholeNumber(1, 1_000_000, 5000, 'conversations'),
    DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT: wholeNumber(1, 1_000_000, 50, 'conversations'),
    DIRECT_LINE_MAX_ACTIVITY_KB: wholeNumber(1, 4096, 64, 'kilobytes'),
    DIRECT_LINE_MAX_CONVERSATION_KB: wholeNumber(16, 65536, 512, 'kilobytes'),
    DIRECT_LINE_MAX_TOTAL_MB: wholeNumber(1, 16384, 128, 'megabytes'),
    DIRECT_LINE_MAX_STREAMS_PER_CONVERSATION: wholeNumber(1, 100, 4, 'streams'),
    // Slow clients: how long a request may take to send its headers, the whole request, and idle time.
    HTTP_HEADERS_TIMEOUT_SECONDS: wholeNumber(1, 600, 10, 'seconds'),
    HTTP_REQUEST_TIMEOUT_SECONDS: wholeNumber(1, 3600, 30, 'seconds'),
    HTTP_IDLE_TIMEOUT_SECONDS: wholeNumber(1, 3600, 65, 'seconds'),
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
    /** The Teams team whose members may set the hand-off desk and accept chats (channelData team id). */
    HANDOFF_TEAM_ID: optionalText.pipe(
      z
        .string()
        .max(256)
        .regex(/^[^\s]+$/, "must be the Teams team's id, as Teams sends it (e.g. 19:abc...@thread.tacv2)")
        .optional(),
    ),
    HANDOFF_TIMEOUT_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ invalid_type_error: 'must be a whole number of seconds from 10 to 3600' })
        .int('must be a whole number of seconds from 10 to 3600')
        .min(10, 'must be a whole number of seconds from 10 to 3600')
        .max(3600, 'must be a whole number of seconds from 10 to 3600')
        .default(180),
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
