-- a store's region 所在地区, so a card of a channel can be told redeemed inside or outside that
-- channel's regions (窜货 detection: channels.regions holds province and city names or codes)
ALTER TABLE stores ADD COLUMN province text, ADD COLUMN city text;
