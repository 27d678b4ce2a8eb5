-- wallet links 钱包链接 signed before this moment no longer open the member's wallet (a lost phone,
-- a link sent to the wrong person). NULL: every unexpired link works.
ALTER TABLE members ADD COLUMN wallet_links_valid_from timestamptz;
