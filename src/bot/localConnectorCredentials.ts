// In local mode the bot has no Microsoft identity, so its replies to the local Direct Line would carry
// no credential and anyone knowing a conversation id could post into it as the bot. The local
// Direct Line gives the bot a secret made for this process; these credentials send it as a bearer
// token, and only to the local Direct Line's own address (never to another service).
import {
  PasswordServiceClientCredentialFactory,
  type ServiceClientCredentials,
} from 'botframework-connector';

export interface LocalConnector {
  /** The local Direct Line's own address (the serviceUrl it gives the bot). */
  serviceUrl: () => string;
  /** The secret the local Direct Line expects on its connector routes. */
  secret: string;
}

export class LocalConnectorCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(private readonly local: LocalConnector) {
    super('', '');
  }

  override createCredentials(): Promise<ServiceClientCredentials> {
    const local = this.local;
    return Promise.resolve({
      signRequest(request) {
        if (isUnder(request.url, local.serviceUrl()))
          request.headers.set('authorization', `Bearer ${local.secret}`);
        return Promise.resolve(request);
      },
    });
  }
}

function isUnder(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
