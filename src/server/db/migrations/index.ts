import type { Migration } from 'kysely';
import * as serviceMeta from './0001-service-meta.ts';
import * as vaultAccounts from './0002-vault-accounts.ts';
import * as vaultItems from './0003-vault-items.ts';
import * as vaultAttachments from './0004-vault-attachments.ts';
import * as vaultTransparencyLog from './0005-vault-transparency-log.ts';
import * as staff from './0006-staff.ts';
import * as conversations from './0007-conversations.ts';
import * as forums from './0008-forums.ts';
import * as training from './0009-training.ts';
import * as conversationLanguage from './0010-conversation-language.ts';

/** Every migration, in order. Names sort by their number; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-service-meta': serviceMeta,
  '0002-vault-accounts': vaultAccounts,
  '0003-vault-items': vaultItems,
  '0004-vault-attachments': vaultAttachments,
  '0005-vault-transparency-log': vaultTransparencyLog,
  '0006-staff': staff,
  '0007-conversations': conversations,
  '0008-forums': forums,
  '0009-training': training,
  '0010-conversation-language': conversationLanguage,
};
