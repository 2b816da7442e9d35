"""SQLite storage: the schema, the atomic loader and every query; rows become models here."""
