-- a member's region 所在地区 (optional): a card bound by a member whose region is known and outside
-- the card's channel's regions raises a leakage alert (窜货); an unknown region raises nothing
ALTER TABLE members ADD COLUMN province text, ADD COLUMN city text;
