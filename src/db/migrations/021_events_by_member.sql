-- A member's history 会员动态 (GET /v1/members/{id}/history): their events, newest first, through
-- this index alone, whatever the tenant's size.
CREATE INDEX events_member ON events (tenant_id, member_id, id) WHERE member_id IS NOT NULL;
