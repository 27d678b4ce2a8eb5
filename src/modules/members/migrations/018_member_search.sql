-- Member search 会员搜索 that stays flat as members grow: a phone, an external id or an id goes
-- through its own index; a name of three or more characters matches anywhere through a trigram
-- index, a shorter one (a surname: 王) matches the start of the name through a prefix index.
-- The extension lives in public, so schemas that come and go (tests, several deployments in one
-- database) never own it.
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
CREATE INDEX members_name_trgm ON members USING gin (name public.gin_trgm_ops);
CREATE INDEX members_name_prefix ON members (tenant_id, lower(name) text_pattern_ops);
