// The tables Kysely knows about. Each migration that adds a table adds its interface here.
export interface ServiceMetaTable {
  key: string;
  value: string;
}

export interface Schema {
  service_meta: ServiceMetaTable;
}
