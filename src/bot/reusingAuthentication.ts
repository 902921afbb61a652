// Bot Framework authentication that reuses its outbound clients. The SDK's CloudAdapter asks for a
// new ConnectorClient and UserTokenClient on every turn, and building each one assembles an Azure
// HTTP pipeline: measured, that was about a tenth of the CPU time of a whole turn. The older
// BotFrameworkAdapter kept the same clients in a map; this does the same, keyed by everything that
// makes one client differ from another (bot app id, service address, audience).
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { LruCache } from '../store/lruCache.js';

/**
 * Enough for every channel's service address; bounded because, with authentication off for local
 * use, a caller chooses the serviceUrl.
 */
const MAX_CLIENTS = 100;

/** The bot app id a request is for, read the same way as the SDK reads it. */
function appIdOf(claims: ClaimsIdentity): string {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LruCache<string, Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly tokenClients = new LruCache<string, Promise<UserTokenClient>>(MAX_CLIENTS);

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withReusedClients(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.withReusedClients(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  private withReusedClients(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    return { ...result, connectorFactory: factory && this.reuse(factory, appIdOf(result.claimsIdentity)) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reuse(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.remember(this.tokenClients, key, () => super.createUserTokenClient(claimsIdentity));
  }

  private reuse(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.remember(this.connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }

  /** One client per key; a failed creation is forgotten so the next turn tries again. */
  private remember<T>(
    cache: LruCache<string, Promise<T>>,
    key: string,
    create: () => Promise<T>,
  ): Promise<T> {
    let client = cache.get(key);
    if (!client) {
      client = create();
      cache.set(key, client);
      client.catch(() => cache.delete(key));
    }
    return client;
  }
}
