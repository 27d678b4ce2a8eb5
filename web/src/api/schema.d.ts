/**
 * The API's types, generated from the server's OpenAPI document (/openapi.json) by `npm run gen:api`
 * (web/gen-api.ts). Do not edit: change the server's route schemas and run it again.
 * src/platform/openapi-client.test.ts fails while this file differs from what the server serves.
 */

export interface paths {
    "/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This key’s tenant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            time_zone: string;
                            currency: string;
                            /** @description how long after a redemption it may be reversed (撤销核销窗口) */
                            reverse_window_minutes: number;
                            /** @description 即将过期: days before expiry a card counts as expiring soon — the wallet badge, the card list filter and the card.expiring event */
                            expiring_soon_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change tenant settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        time_zone?: string;
                        reverse_window_minutes?: number;
                        /** @description days before expiry, 1–90 (default 3) */
                        expiring_soon_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            time_zone: string;
                            currency: string;
                            /** @description how long after a redemption it may be reversed (撤销核销窗口) */
                            reverse_window_minutes: number;
                            /** @description 即将过期: days before expiry a card counts as expiring soon — the wallet badge, the card list filter and the card.expiring event */
                            expiring_soon_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List channels in tree order (a partner: its own subtree) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                parent_id: string | null;
                                /** @description ids from the root down, '/'-separated: '/chn_a/chn_b/' */
                                path: string;
                                /** @description 0 for a top-level channel (总代) */
                                depth: number;
                                status: "active" | "suspended";
                                /** @description provinces or cities it sells in (names or codes); empty = anywhere */
                                regions: string[];
                                /** @description tags of the stores where its cards belong; empty = any store */
                                store_tags: string[];
                                price_level: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a channel (under a parent: a level of the tree) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        parent_id?: string | null;
                        regions?: string[];
                        store_tags?: string[];
                        price_level?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parent_id: string | null;
                            /** @description ids from the root down, '/'-separated: '/chn_a/chn_b/' */
                            path: string;
                            /** @description 0 for a top-level channel (总代) */
                            depth: number;
                            status: "active" | "suspended";
                            /** @description provinces or cities it sells in (names or codes); empty = anywhere */
                            regions: string[];
                            /** @description tags of the stores where its cards belong; empty = any store */
                            store_tags: string[];
                            price_level: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parent_id: string | null;
                            /** @description ids from the root down, '/'-separated: '/chn_a/chn_b/' */
                            path: string;
                            /** @description 0 for a top-level channel (总代) */
                            depth: number;
                            status: "active" | "suspended";
                            /** @description provinces or cities it sells in (names or codes); empty = anywhere */
                            regions: string[];
                            /** @description tags of the stores where its cards belong; empty = any store */
                            store_tags: string[];
                            price_level: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a channel; a new parent_id moves it with everything below it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        parent_id?: string | null;
                        status?: "active" | "suspended";
                        regions?: string[];
                        store_tags?: string[];
                        price_level?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            parent_id: string | null;
                            /** @description ids from the root down, '/'-separated: '/chn_a/chn_b/' */
                            path: string;
                            /** @description 0 for a top-level channel (总代) */
                            depth: number;
                            status: "active" | "suspended";
                            /** @description provinces or cities it sells in (names or codes); empty = anywhere */
                            regions: string[];
                            /** @description tags of the stores where its cards belong; empty = any store */
                            store_tags: string[];
                            price_level: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                                key_prefix: string;
                                store_ids: string[];
                                channel_id: string | null;
                                /** Format: date-time */
                                revoked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (the secret is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                        store_ids?: string[];
                        channel_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            key_prefix: string;
                            store_ids: string[];
                            channel_id: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            key_prefix: string;
                            store_ids: string[];
                            channel_id: string | null;
                            /** Format: date-time */
                            revoked_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List operator accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                username: string;
                                display_name: string | null;
                                role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                                store_ids: string[];
                                /** @description a partner account: the channel it acts for */
                                channel_id: string | null;
                                /** Format: date-time */
                                disabled_at: string | null;
                                /** Format: date-time */
                                last_login_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create an operator account (owner only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** @description at least 10 characters */
                        password: string;
                        role: "owner" | "operator" | "analyst" | "clerk";
                        /** @description clerk accounts: the stores they serve */
                        store_ids?: string[];
                        display_name?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account’s role, stores or name */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role?: "owner" | "operator" | "analyst" | "clerk";
                        store_ids?: string[];
                        display_name?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/operators/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account (its sessions end at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operators/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operators/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set an account’s password (owner, or the account itself); its other sessions end
         * @description Changing your own password needs `current_password`; a wrong one answers 403 CURRENT_PASSWORD_INVALID and counts like a failed sign-in. An owner setting another account's password does not send it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at least 10 characters */
                        password: string;
                        /** @description your current password, when the account is your own */
                        current_password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with an operator account
         * @description Answers 401 INVALID_CREDENTIALS for any wrong part, and the same while attempts are spent: 10 per account and 50 per address in 15 minutes. With the header X-Kaquan-Screen: console, clerk or partner (the web app) the session is set as an HttpOnly, SameSite=Strict cookie for /v1 and the answer carries no token; later requests send that header with the cookie. The cookie is the screen of the account's role: a clerk's is the clerk page's, a partner account's (role channel) the partner portal's, and a staff account signing in on the partner portal gets the console's.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description tenant id or name; may be left out when the username is unique */
                        tenant?: string;
                        tenant_id?: string;
                        username: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send as Authorization: Bearer <token>; shown once. Absent for a browser sign-in (header X-Kaquan-Screen: console, clerk or partner): that session is in an HttpOnly cookie instead */
                            token?: string;
                            /** Format: date-time */
                            expires_at: string;
                            tenant_id: string;
                            operator: {
                                id: string;
                                username: string;
                                display_name: string | null;
                                role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                                store_ids: string[];
                                channel_id: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the session’s account, or the API key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "session" | "api_key";
                            tenant: {
                                id: string;
                                name: string;
                                time_zone: string;
                                currency: string;
                                reverse_window_minutes: number;
                                expiring_soon_days: number;
                            };
                            role: string;
                            store_ids: string[];
                            channel_id: string | null;
                            key_id: string;
                            operator: {
                                id: string;
                                username: string;
                                display_name: string | null;
                            } | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            /** @description the actions this caller may take (src/http/access.ts), e.g. catalog.write, cards.manage */
                            can: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Sign out: the session token stops working at once (a browser’s session cookie is cleared) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date-time */
                            revoked_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a channel’s partner accounts (渠道商账号) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                username: string;
                                display_name: string | null;
                                role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                                store_ids: string[];
                                /** @description a partner account: the channel it acts for */
                                channel_id: string | null;
                                /** Format: date-time */
                                disabled_at: string | null;
                                /** Format: date-time */
                                last_login_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a partner account for a channel: it signs in to the partner portal and sees the channel’s subtree
         * @description The password is set here and handed over by whoever makes the account; the partner can change it (POST /v1/operators/{id}/password with current_password).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        /** @description at least 10 characters */
                        password: string;
                        display_name?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}/accounts/{account_id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a partner account (its sessions end at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}/accounts/{account_id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled partner account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    account_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            username: string;
                            display_name: string | null;
                            role: "owner" | "operator" | "analyst" | "clerk" | "channel";
                            store_ids: string[];
                            /** @description a partner account: the channel it acts for */
                            channel_id: string | null;
                            /** Format: date-time */
                            disabled_at: string | null;
                            /** Format: date-time */
                            last_login_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stores */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    q?: string;
                    tag?: string;
                    /** @description order of the list: created_at, -created_at, name, -name (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                code: string | null;
                                time_zone: string | null;
                                lat: number | null;
                                lng: number | null;
                                tags: string[];
                                /** @description 省: name or code (江苏省, 320000), as channels’ regions give them */
                                province: string | null;
                                /** @description 市: name or code (苏州市, 320500) */
                                city: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a store */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        code?: string | null;
                        time_zone?: string | null;
                        lat?: number | null;
                        lng?: number | null;
                        tags?: string[];
                        province?: string | null;
                        city?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string | null;
                            time_zone: string | null;
                            lat: number | null;
                            lng: number | null;
                            tags: string[];
                            /** @description 省: name or code (江苏省, 320000), as channels’ regions give them */
                            province: string | null;
                            /** @description 市: name or code (苏州市, 320500) */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a store */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string | null;
                            time_zone: string | null;
                            lat: number | null;
                            lng: number | null;
                            tags: string[];
                            /** @description 省: name or code (江苏省, 320000), as channels’ regions give them */
                            province: string | null;
                            /** @description 市: name or code (苏州市, 320500) */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a store */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        code?: string | null;
                        time_zone?: string | null;
                        lat?: number | null;
                        lng?: number | null;
                        tags?: string[];
                        province?: string | null;
                        city?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            code: string | null;
                            time_zone: string | null;
                            lat: number | null;
                            lng: number | null;
                            tags: string[];
                            /** @description 省: name or code (江苏省, 320000), as channels’ regions give them */
                            province: string | null;
                            /** @description 市: name or code (苏州市, 320500) */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List or search members (name, external id, phone) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    q?: string;
                    /** @description order of the list: created_at, -created_at, name, -name (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description the brand CRM’s member id */
                                external_id: string | null;
                                name: string | null;
                                /** @description the phone is stored encrypted; only its last 4 digits are shown */
                                phone_last4: string | null;
                                /** Format: date */
                                birthday: string | null;
                                tier: string | null;
                                /** @description 省 (name or code), optional: for 窜货 detection on binding */
                                province: string | null;
                                /** @description 市 (name or code), optional */
                                city: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        external_id?: string | null;
                        name?: string | null;
                        phone?: string | null;
                        /** @description YYYY-MM-DD */
                        birthday?: string | null;
                        tier?: string | null;
                        province?: string | null;
                        city?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description the brand CRM’s member id */
                            external_id: string | null;
                            name: string | null;
                            /** @description the phone is stored encrypted; only its last 4 digits are shown */
                            phone_last4: string | null;
                            /** Format: date */
                            birthday: string | null;
                            tier: string | null;
                            /** @description 省 (name or code), optional: for 窜货 detection on binding */
                            province: string | null;
                            /** @description 市 (name or code), optional */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a member by id or external_id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description the brand CRM’s member id */
                            external_id: string | null;
                            name: string | null;
                            /** @description the phone is stored encrypted; only its last 4 digits are shown */
                            phone_last4: string | null;
                            /** Format: date */
                            birthday: string | null;
                            tier: string | null;
                            /** @description 省 (name or code), optional: for 窜货 detection on binding */
                            province: string | null;
                            /** @description 市 (name or code), optional */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        external_id?: string | null;
                        name?: string | null;
                        phone?: string | null;
                        /** @description YYYY-MM-DD */
                        birthday?: string | null;
                        tier?: string | null;
                        province?: string | null;
                        city?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description the brand CRM’s member id */
                            external_id: string | null;
                            name: string | null;
                            /** @description the phone is stored encrypted; only its last 4 digits are shown */
                            phone_last4: string | null;
                            /** Format: date */
                            birthday: string | null;
                            tier: string | null;
                            /** @description 省 (name or code), optional: for 窜货 detection on binding */
                            province: string | null;
                            /** @description 市 (name or code), optional */
                            city: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List templates */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                    kind?: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                    status?: string;
                    q?: string;
                    /** @description order of the list: created_at, -created_at, name, -name, updated_at, -updated_at (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "name" | "-name" | "updated_at" | "-updated_at";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                name: string;
                                description: string | null;
                                status: string;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                                validity: {
                                    /** @enum {string} */
                                    type: "fixed";
                                    /** Format: date-time */
                                    starts_at?: string;
                                    /** Format: date-time */
                                    ends_at: string;
                                } | {
                                    /** @enum {string} */
                                    type: "relative";
                                    days: number;
                                    from?: "issue" | "bind";
                                } | {
                                    /** @enum {string} */
                                    type: "period_end";
                                    unit: "week" | "month" | "quarter" | "year";
                                } | {
                                    /** @enum {string} */
                                    type: "none";
                                };
                                rules: {
                                    /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                    weekdays?: number[];
                                    /** @description local times; to < from spans midnight */
                                    hours?: {
                                        from: string;
                                        to: string;
                                    }[];
                                    store_ids?: string[];
                                    store_tags?: string[];
                                    geofence?: {
                                        lat: number;
                                        lng: number;
                                        radius_m: number;
                                    };
                                    /** @description integer minor units (fen 分) */
                                    min_spend?: number;
                                    /** @description the order must contain one of these products */
                                    product_ids?: string[];
                                    /** @description most cards of this template one member may be issued */
                                    per_member_limit?: number;
                                    /** @description an unbound issued code lapses after this */
                                    bind_within_hours?: number;
                                    transferable?: boolean;
                                    /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                    top_up_bonus?: {
                                        /** @description a top-up of at least this, fen */
                                        min_amount: number;
                                        /** @description is credited this on top, fen */
                                        bonus: number;
                                    }[];
                                    /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                    leakage?: "allow" | "flag" | "refuse";
                                    /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                    verification?: {
                                        /** @description integer minor units (fen 分) */
                                        threshold?: number;
                                    };
                                    /** @description read only: the names of store_ids, in their order */
                                    store_names?: string[];
                                };
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a template of any kind */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                        kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                        name: string;
                        description?: string | null;
                        value: {
                            /** @description cash: amount off, fen */
                            amount_off?: number;
                            /** @description discount: percent off (15 = 8.5折) */
                            percent_off?: number;
                            /** @description discount: cap on the amount off, fen */
                            max_off?: number;
                            /** @description exchange: the product/SKU it is exchanged for */
                            sku?: string;
                            product_name?: string;
                            /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                            face_value?: number;
                            /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                            card_value?: number;
                            /** @description count: number of uses */
                            uses?: number;
                            /** @description periodic: uses each period */
                            uses_per_period?: number;
                            period?: "week" | "month" | "quarter";
                            /** @description periodic: how many periods */
                            periods?: number;
                            /** @description stored_value/gift: balance at issue, fen */
                            initial_balance?: number;
                            /** @description stored_value/gift: top-ups may not go past this, fen */
                            max_balance?: number;
                            /** @description stamp: stamps to the reward */
                            goal?: number;
                            /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                            reward_template_id?: string;
                            /** @description external: who supplies the codes */
                            supplier?: string;
                        };
                        /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                        validity: {
                            /** @enum {string} */
                            type: "fixed";
                            /** Format: date-time */
                            starts_at?: string;
                            /** Format: date-time */
                            ends_at: string;
                        } | {
                            /** @enum {string} */
                            type: "relative";
                            days: number;
                            from?: "issue" | "bind";
                        } | {
                            /** @enum {string} */
                            type: "period_end";
                            unit: "week" | "month" | "quarter" | "year";
                        } | {
                            /** @enum {string} */
                            type: "none";
                        };
                        rules?: {
                            /** @description ISO weekdays, 1 = Monday, tenant time zone */
                            weekdays?: number[];
                            /** @description local times; to < from spans midnight */
                            hours?: {
                                from: string;
                                to: string;
                            }[];
                            store_ids?: string[];
                            store_tags?: string[];
                            geofence?: {
                                lat: number;
                                lng: number;
                                radius_m: number;
                            };
                            /** @description integer minor units (fen 分) */
                            min_spend?: number;
                            /** @description the order must contain one of these products */
                            product_ids?: string[];
                            /** @description most cards of this template one member may be issued */
                            per_member_limit?: number;
                            /** @description an unbound issued code lapses after this */
                            bind_within_hours?: number;
                            transferable?: boolean;
                            /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                            top_up_bonus?: {
                                /** @description a top-up of at least this, fen */
                                min_amount: number;
                                /** @description is credited this on top, fen */
                                bonus: number;
                            }[];
                            /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                            leakage?: "allow" | "flag" | "refuse";
                            /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                            verification?: {
                                /** @description integer minor units (fen 分) */
                                threshold?: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            name: string;
                            description: string | null;
                            status: string;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                            rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            name: string;
                            description: string | null;
                            status: string;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                            rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a template */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        value?: {
                            /** @description cash: amount off, fen */
                            amount_off?: number;
                            /** @description discount: percent off (15 = 8.5折) */
                            percent_off?: number;
                            /** @description discount: cap on the amount off, fen */
                            max_off?: number;
                            /** @description exchange: the product/SKU it is exchanged for */
                            sku?: string;
                            product_name?: string;
                            /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                            face_value?: number;
                            /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                            card_value?: number;
                            /** @description count: number of uses */
                            uses?: number;
                            /** @description periodic: uses each period */
                            uses_per_period?: number;
                            period?: "week" | "month" | "quarter";
                            /** @description periodic: how many periods */
                            periods?: number;
                            /** @description stored_value/gift: balance at issue, fen */
                            initial_balance?: number;
                            /** @description stored_value/gift: top-ups may not go past this, fen */
                            max_balance?: number;
                            /** @description stamp: stamps to the reward */
                            goal?: number;
                            /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                            reward_template_id?: string;
                            /** @description external: who supplies the codes */
                            supplier?: string;
                        };
                        /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                        validity?: {
                            /** @enum {string} */
                            type: "fixed";
                            /** Format: date-time */
                            starts_at?: string;
                            /** Format: date-time */
                            ends_at: string;
                        } | {
                            /** @enum {string} */
                            type: "relative";
                            days: number;
                            from?: "issue" | "bind";
                        } | {
                            /** @enum {string} */
                            type: "period_end";
                            unit: "week" | "month" | "quarter" | "year";
                        } | {
                            /** @enum {string} */
                            type: "none";
                        };
                        rules?: {
                            /** @description ISO weekdays, 1 = Monday, tenant time zone */
                            weekdays?: number[];
                            /** @description local times; to < from spans midnight */
                            hours?: {
                                from: string;
                                to: string;
                            }[];
                            store_ids?: string[];
                            store_tags?: string[];
                            geofence?: {
                                lat: number;
                                lng: number;
                                radius_m: number;
                            };
                            /** @description integer minor units (fen 分) */
                            min_spend?: number;
                            /** @description the order must contain one of these products */
                            product_ids?: string[];
                            /** @description most cards of this template one member may be issued */
                            per_member_limit?: number;
                            /** @description an unbound issued code lapses after this */
                            bind_within_hours?: number;
                            transferable?: boolean;
                            /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                            top_up_bonus?: {
                                /** @description a top-up of at least this, fen */
                                min_amount: number;
                                /** @description is credited this on top, fen */
                                bonus: number;
                            }[];
                            /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                            leakage?: "allow" | "flag" | "refuse";
                            /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                            verification?: {
                                /** @description integer minor units (fen 分) */
                                threshold?: number;
                            };
                        };
                        status?: "active" | "archived";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            name: string;
                            description: string | null;
                            status: string;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                            rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/templates/{id}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What this change would do to the cards already issued, before it is saved (changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string | null;
                        value?: {
                            /** @description cash: amount off, fen */
                            amount_off?: number;
                            /** @description discount: percent off (15 = 8.5折) */
                            percent_off?: number;
                            /** @description discount: cap on the amount off, fen */
                            max_off?: number;
                            /** @description exchange: the product/SKU it is exchanged for */
                            sku?: string;
                            product_name?: string;
                            /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                            face_value?: number;
                            /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                            card_value?: number;
                            /** @description count: number of uses */
                            uses?: number;
                            /** @description periodic: uses each period */
                            uses_per_period?: number;
                            period?: "week" | "month" | "quarter";
                            /** @description periodic: how many periods */
                            periods?: number;
                            /** @description stored_value/gift: balance at issue, fen */
                            initial_balance?: number;
                            /** @description stored_value/gift: top-ups may not go past this, fen */
                            max_balance?: number;
                            /** @description stamp: stamps to the reward */
                            goal?: number;
                            /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                            reward_template_id?: string;
                            /** @description external: who supplies the codes */
                            supplier?: string;
                        };
                        /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                        validity?: {
                            /** @enum {string} */
                            type: "fixed";
                            /** Format: date-time */
                            starts_at?: string;
                            /** Format: date-time */
                            ends_at: string;
                        } | {
                            /** @enum {string} */
                            type: "relative";
                            days: number;
                            from?: "issue" | "bind";
                        } | {
                            /** @enum {string} */
                            type: "period_end";
                            unit: "week" | "month" | "quarter" | "year";
                        } | {
                            /** @enum {string} */
                            type: "none";
                        };
                        rules?: {
                            /** @description ISO weekdays, 1 = Monday, tenant time zone */
                            weekdays?: number[];
                            /** @description local times; to < from spans midnight */
                            hours?: {
                                from: string;
                                to: string;
                            }[];
                            store_ids?: string[];
                            store_tags?: string[];
                            geofence?: {
                                lat: number;
                                lng: number;
                                radius_m: number;
                            };
                            /** @description integer minor units (fen 分) */
                            min_spend?: number;
                            /** @description the order must contain one of these products */
                            product_ids?: string[];
                            /** @description most cards of this template one member may be issued */
                            per_member_limit?: number;
                            /** @description an unbound issued code lapses after this */
                            bind_within_hours?: number;
                            transferable?: boolean;
                            /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                            top_up_bonus?: {
                                /** @description a top-up of at least this, fen */
                                min_amount: number;
                                /** @description is credited this on top, fen */
                                bonus: number;
                            }[];
                            /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                            leakage?: "allow" | "flag" | "refuse";
                            /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                            verification?: {
                                /** @description integer minor units (fen 分) */
                                threshold?: number;
                            };
                        };
                        status?: "active" | "archived";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description batches of this template */
                            batches: number;
                            /** @description cards its batches have issued */
                            cards_issued: number;
                            changes: {
                                /** @description name, description, value, validity, status or rules.<key> */
                                field: string;
                                /** @description issued_cards: applies to the cards already issued as soon as it is saved; new_cards: only to cards issued from then on; refused: fixed once a batch exists (409 TEMPLATE_IN_USE) */
                                effect: "issued_cards" | "new_cards" | "refused";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List batches */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    template_id?: string;
                    status?: string;
                    /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                    mode?: "pregenerated" | "on_issue" | "imported";
                    q?: string;
                    /** @description order of the list: created_at, -created_at, name, -name, issued, -issued, generated, -generated (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "name" | "-name" | "issued" | "-issued" | "generated" | "-generated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                template_id: string;
                                name: string;
                                /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                                mode: "pregenerated" | "on_issue" | "imported";
                                quantity: number | null;
                                stock: number | null;
                                issued: number;
                                generated: number;
                                /** @description generated / quantity, 0..1 */
                                progress: number;
                                /** @description codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches */
                                unissued: number | null;
                                code_format: {
                                    prefix: string;
                                    length: number;
                                    alphabet: string;
                                };
                                /** @description generating · paused · ready · failed */
                                status: string;
                                error: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a batch (pre-generation of up to 1,000,000 codes runs as a background job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        template_id: string;
                        name: string;
                        /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                        mode: "pregenerated" | "on_issue" | "imported";
                        quantity?: number;
                        /** @description on_issue: most cards to issue (omit: unlimited) */
                        stock?: number;
                        code_format?: {
                            prefix?: string;
                            /** @description random characters (≥ 16 crockford / ≥ 25 digits: 80 bits) */
                            length?: number;
                            alphabet?: "crockford" | "digits";
                        };
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            template_id: string;
                            name: string;
                            /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                            mode: "pregenerated" | "on_issue" | "imported";
                            quantity: number | null;
                            stock: number | null;
                            issued: number;
                            generated: number;
                            /** @description generated / quantity, 0..1 */
                            progress: number;
                            /** @description codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches */
                            unissued: number | null;
                            code_format: {
                                prefix: string;
                                length: number;
                                alphabet: string;
                            };
                            /** @description generating · paused · ready · failed */
                            status: string;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a batch, with generation progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            template_id: string;
                            name: string;
                            /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                            mode: "pregenerated" | "on_issue" | "imported";
                            quantity: number | null;
                            stock: number | null;
                            issued: number;
                            generated: number;
                            /** @description generated / quantity, 0..1 */
                            progress: number;
                            /** @description codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches */
                            unissued: number | null;
                            code_format: {
                                prefix: string;
                                length: number;
                                alphabet: string;
                            };
                            /** @description generating · paused · ready · failed */
                            status: string;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause code generation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            template_id: string;
                            name: string;
                            /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                            mode: "pregenerated" | "on_issue" | "imported";
                            quantity: number | null;
                            stock: number | null;
                            issued: number;
                            generated: number;
                            /** @description generated / quantity, 0..1 */
                            progress: number;
                            /** @description codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches */
                            unissued: number | null;
                            code_format: {
                                prefix: string;
                                length: number;
                                alphabet: string;
                            };
                            /** @description generating · paused · ready · failed */
                            status: string;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume code generation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            template_id: string;
                            name: string;
                            /** @description pregenerated 预生成 (codes made now, in the background) · on_issue 发放时生成 · imported 导入 (supplier or legacy codes) */
                            mode: "pregenerated" | "on_issue" | "imported";
                            quantity: number | null;
                            stock: number | null;
                            issued: number;
                            generated: number;
                            /** @description generated / quantity, 0..1 */
                            progress: number;
                            /** @description codes in stock: made or imported, not yet issued or exported (what an export takes next); null for on-issue batches */
                            unissued: number | null;
                            code_format: {
                                prefix: string;
                                length: number;
                                alphabet: string;
                            };
                            /** @description generating · paused · ready · failed */
                            status: string;
                            error: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue a card from a batch 发放 (the code is in this answer; keep it safe) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        batch_id: string;
                        member_id?: string;
                        channel_id?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        } & {
                            code: string;
                            pin: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bind a code to a member 绑定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        pin?: string;
                        member_id: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        } & {
                            already_bound: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find a card by its code (POST keeps codes out of URLs and logs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cards */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    member_id?: string;
                    batch_id?: string;
                    template_id?: string;
                    channel_id?: string;
                    /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                    state?: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                    /** @description true: only active cards expiring within the tenant’s expiring_soon_days (即将过期); false is the same as leaving it out */
                    expiring_soon?: boolean;
                    /** @description order of the list: created_at, -created_at, balance, -balance, valid_until, -valid_until (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "balance" | "-balance" | "valid_until" | "-valid_until";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                batch_id: string;
                                template_id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                                code_tail: string;
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                state_reason: string | null;
                                member_id: string | null;
                                /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                                member_name?: string | null;
                                channel_id: string | null;
                                /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                                allocation_id?: string | null;
                                /** @description stored value left, fen */
                                balance: number;
                                /** @description uses left (this period for periodic cards) */
                                uses_left: number;
                                stamps: number;
                                period_no: number | null;
                                /** Format: date-time */
                                period_ends_at: string | null;
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                /** Format: date-time */
                                bind_deadline: string | null;
                                /** Format: date-time */
                                issued_at: string | null;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a card */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal a card’s code (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            pin: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/freeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Freeze 冻结 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/unfreeze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unfreeze 解冻 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void 作废 (what it holds is written off in the ledger) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the expiry 延长有效期: to the end of a day (tenant time zone) or by whole days */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description valid through this day (YYYY-MM-DD, tenant time zone)
                         */
                        to_date?: string;
                        /** @description this many days after the current expiry */
                        days?: number;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/top-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up a stored-value or gift card 充值 (with the template’s bonus tier, 充500送50, when one applies)
         * @description The bonus of the highest tier of the template’s `rules.top_up_bonus` the amount reaches is credited in the same change, as its own ledger transfer (reason `top_up_bonus`; the paid amount is `top_up`). The card must have room under `value.max_balance` for both, else 409 MAX_BALANCE_EXCEEDED and nothing changes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what the member paid, fen */
                        amount: number;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        } & {
                            top_up: {
                                /** @description fen */
                                paid: number;
                                /** @description fen, 0 when no tier applies */
                                bonus: number;
                                /** @description paid + bonus, fen */
                                credited: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer a transferable card to another member 转赠 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to_member_id: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            template_id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                            code_tail: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            state_reason: string | null;
                            member_id: string | null;
                            /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                            member_name?: string | null;
                            channel_id: string | null;
                            /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                            allocation_id?: string | null;
                            /** @description stored value left, fen */
                            balance: number;
                            /** @description uses left (this period for periodic cards) */
                            uses_left: number;
                            stamps: number;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            /** Format: date-time */
                            bind_deadline: string | null;
                            /** Format: date-time */
                            issued_at: string | null;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many cards a search matches (the same filters as GET /v1/cards), counted up to 10000: what a bulk action over it would cover */
        get: {
            parameters: {
                query?: {
                    member_id?: string;
                    batch_id?: string;
                    template_id?: string;
                    channel_id?: string;
                    /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                    state?: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                    /** @description true: only active cards expiring within the tenant’s expiring_soon_days (即将过期); false is the same as leaving it out */
                    expiring_soon?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description matching cards, at most 10000 */
                            count: number;
                            /** @description more than 10000 match: too many for one bulk action */
                            over_cap: boolean;
                            cap: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A bulk action 批量操作 on selected cards or on every card a search matches
         * @description card_ids (at most 200) are done in the request: 200 with each card's outcome. A filter (the card list's filters) covers every card matching it now, at most 10000 (422 BULK_TOO_MANY beyond); it answers 202 at once and a job does the cards — read progress and outcomes with GET /v1/cards/bulk/{id}. Each card goes through its single action (POST /v1/cards/{id}/freeze …): the same rules, events, ledger entries and audit action. A card the action does not apply to is skipped with that action’s problem code. With expected_count (the count the person confirmed), a different count now answers 409 BULK_COUNT_CHANGED and does nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description freeze 冻结 · unfreeze 解冻 · void 作废 (needs a reason) · extend 延长有效期 (needs to_date or days) */
                        action: "freeze" | "unfreeze" | "void" | "extend";
                        card_ids?: string[];
                        filter?: {
                            member_id?: string;
                            batch_id?: string;
                            template_id?: string;
                            channel_id?: string;
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state?: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            /** @description true: only active cards expiring within the tenant’s expiring_soon_days (即将过期); false is the same as leaving it out */
                            expiring_soon?: boolean;
                        };
                        reason?: string;
                        /**
                         * Format: date
                         * @description extend: valid through this day (YYYY-MM-DD, tenant time zone)
                         */
                        to_date?: string;
                        /** @description extend: this many days after each card’s expiry */
                        days?: number;
                        expected_count?: number;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description freeze 冻结 · unfreeze 解冻 · void 作废 (needs a reason) · extend 延长有效期 (needs to_date or days) */
                            action: "freeze" | "unfreeze" | "void" | "extend";
                            /** @description running: the job is at it · done · failed: the job gave up; the cards it reached keep their outcomes, the others are pending and unchanged */
                            state: "running" | "done" | "failed";
                            total: number;
                            done: number;
                            skipped: number;
                            reason: string | null;
                            to_date: string | null;
                            days: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                            results: {
                                card_id: string;
                                code_tail: string | null;
                                /** @description pending: the job has not reached it yet */
                                outcome: "done" | "skipped" | "pending";
                                /** @description why it was skipped: the problem code the single action answers (CARD_NOT_FROZEN, CARD_NOT_VOIDABLE …) */
                                code: string | null;
                                card_state: (never | null) | ("unissued" | "active" | "frozen" | "used" | "expired" | "voided");
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description freeze 冻结 · unfreeze 解冻 · void 作废 (needs a reason) · extend 延长有效期 (needs to_date or days) */
                            action: "freeze" | "unfreeze" | "void" | "extend";
                            /** @description running: the job is at it · done · failed: the job gave up; the cards it reached keep their outcomes, the others are pending and unchanged */
                            state: "running" | "done" | "failed";
                            total: number;
                            done: number;
                            skipped: number;
                            reason: string | null;
                            to_date: string | null;
                            days: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                            results: {
                                card_id: string;
                                code_tail: string | null;
                                /** @description pending: the job has not reached it yet */
                                outcome: "done" | "skipped" | "pending";
                                /** @description why it was skipped: the problem code the single action answers (CARD_NOT_FROZEN, CARD_NOT_VOIDABLE …) */
                                code: string | null;
                                card_state: (never | null) | ("unissued" | "active" | "frozen" | "used" | "expired" | "voided");
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/bulk/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk action’s progress and its cards’ outcomes, in pages */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    outcome?: "done" | "skipped";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description freeze 冻结 · unfreeze 解冻 · void 作废 (needs a reason) · extend 延长有效期 (needs to_date or days) */
                            action: "freeze" | "unfreeze" | "void" | "extend";
                            /** @description running: the job is at it · done · failed: the job gave up; the cards it reached keep their outcomes, the others are pending and unchanged */
                            state: "running" | "done" | "failed";
                            total: number;
                            done: number;
                            skipped: number;
                            reason: string | null;
                            to_date: string | null;
                            days: number | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                            results: {
                                card_id: string;
                                code_tail: string | null;
                                /** @description pending: the job has not reached it yet */
                                outcome: "done" | "skipped" | "pending";
                                /** @description why it was skipped: the problem code the single action answers (CARD_NOT_FROZEN, CARD_NOT_VOIDABLE …) */
                                code: string | null;
                                card_state: (never | null) | ("unissued" | "active" | "frozen" | "used" | "expired" | "voided");
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export codes as CSV (streamed, audited, kept in the export history). Takes codes out of the pool as bearer codes unless reissue is true; 409 NOTHING_TO_EXPORT when no code would be written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        limit?: number;
                        channel_id?: string;
                        reissue?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch’s export history 导出记录: who exported how many codes when, and until when each file can be downloaded again */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                batch_id: string;
                                /** @description new: codes taken out of stock by this export · reissue: codes already out, listed again */
                                kind: "new" | "reissue";
                                /** @description operator:<username> or key:<key id>, as the audit log names them */
                                actor: string;
                                /** @description the operator’s name (or the API key’s) when it exported */
                                actor_name: string;
                                channel_id: string | null;
                                /** @description how many were asked for; null: all that were left */
                                requested: number | null;
                                /** @description codes in the file */
                                codes: number;
                                /** @description first code of the file, by generation order in the batch (1 = the first made) */
                                seq_from: number | null;
                                seq_to: number | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                refetch_until: string;
                                /** @description the file can be downloaded again now */
                                refetchable: boolean;
                                /** @description times the file was downloaded again */
                                refetches: number;
                                /** Format: date-time */
                                last_refetch_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/exports/{export_id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download an export’s file again (within 24 h of the export; the same codes in the same order, re-rendered from the cards; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    export_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batches/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import codes from CSV (code[,pin] per line); refused lines are reported, good ones kept */
        post: {
            parameters: {
                query?: {
                    state?: "unissued" | "active";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            batch_id: string;
                            accepted: number;
                            refused: number;
                            refusals: {
                                line: number;
                                /** @description malformed · duplicate_in_file · duplicate · pin_missing · weak_code */
                                reason: string;
                                detail: string;
                                /** @description malformed: which column */
                                field?: "code" | "pin";
                                /** @description duplicate_in_file: the earlier line with the same code */
                                same_as_line?: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Can this card be redeemed here, now, for this order? Changes nothing. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the code as typed or scanned (spaces and dashes ignored) */
                        code?: string;
                        card_id?: string;
                        store_id?: string;
                        /** @description integer minor units (fen 分) */
                        order_amount?: number;
                        /** @description stored_value/gift: amount to take, fen */
                        amount?: number;
                        uses?: number;
                        stamps?: number;
                        product_ids?: string[];
                        location?: {
                            lat: number;
                            lng: number;
                        };
                        approval_id?: string;
                        pin?: string;
                        /** @description idempotency key, as an alternative to the Idempotency-Key header */
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redeemable: boolean;
                            /** @description why not: the error code a redemption would get */
                            code: string | null;
                            /** @description why not, for developers; a screen words it from code and params */
                            message: string | null;
                            /** @description why not, as structured fields: those the problem of a redemption refused for it carries (e.g. weekdays, balance and amount, min_spend) */
                            params: {
                                [key: string]: unknown;
                            } | null;
                            take: {
                                amount: number;
                                uses: number;
                                stamps: number;
                                value: number;
                            } | null;
                            /** @description what a redemption of this card must be sent, whether or not this request sent it: order_amount (a minimum spend or a discount), amount (stored value, gift), product_ids (a product scope). Ask for these before or with the check */
                            needs: ("order_amount" | "amount" | "product_ids")[];
                            card: {
                                id: string;
                                batch_id: string;
                                template_id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                                code_tail: string;
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                state_reason: string | null;
                                member_id: string | null;
                                /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                                member_name?: string | null;
                                channel_id: string | null;
                                /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                                allocation_id?: string | null;
                                /** @description stored value left, fen */
                                balance: number;
                                /** @description uses left (this period for periodic cards) */
                                uses_left: number;
                                stamps: number;
                                period_no: number | null;
                                /** Format: date-time */
                                period_ends_at: string | null;
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                /** Format: date-time */
                                bind_deadline: string | null;
                                /** Format: date-time */
                                issued_at: string | null;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            template: {
                                id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                name: string;
                                description: string | null;
                                status: string;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                                validity: {
                                    /** @enum {string} */
                                    type: "fixed";
                                    /** Format: date-time */
                                    starts_at?: string;
                                    /** Format: date-time */
                                    ends_at: string;
                                } | {
                                    /** @enum {string} */
                                    type: "relative";
                                    days: number;
                                    from?: "issue" | "bind";
                                } | {
                                    /** @enum {string} */
                                    type: "period_end";
                                    unit: "week" | "month" | "quarter" | "year";
                                } | {
                                    /** @enum {string} */
                                    type: "none";
                                };
                                rules: {
                                    /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                    weekdays?: number[];
                                    /** @description local times; to < from spans midnight */
                                    hours?: {
                                        from: string;
                                        to: string;
                                    }[];
                                    store_ids?: string[];
                                    store_tags?: string[];
                                    geofence?: {
                                        lat: number;
                                        lng: number;
                                        radius_m: number;
                                    };
                                    /** @description integer minor units (fen 分) */
                                    min_spend?: number;
                                    /** @description the order must contain one of these products */
                                    product_ids?: string[];
                                    /** @description most cards of this template one member may be issued */
                                    per_member_limit?: number;
                                    /** @description an unbound issued code lapses after this */
                                    bind_within_hours?: number;
                                    transferable?: boolean;
                                    /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                    top_up_bonus?: {
                                        /** @description a top-up of at least this, fen */
                                        min_amount: number;
                                        /** @description is credited this on top, fen */
                                        bonus: number;
                                    }[];
                                    /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                    leakage?: "allow" | "flag" | "refuse";
                                    /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                    verification?: {
                                        /** @description integer minor units (fen 分) */
                                        threshold?: number;
                                    };
                                    /** @description read only: the names of store_ids, in their order */
                                    store_names?: string[];
                                };
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List redemptions (a clerk sees its stores’ only) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    store_id?: string;
                    card_id?: string;
                    status?: "done" | "reversed";
                    /** @description order of the list: created_at, -created_at, amount, -amount, order_amount, -order_amount (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "amount" | "-amount" | "order_amount" | "-order_amount";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: ({
                                id: string;
                                card_id: string;
                                template_id: string;
                                batch_id: string;
                                store_id: string | null;
                                member_id: string | null;
                                order_amount: number | null;
                                /** @description value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp */
                                amount: number;
                                uses: number;
                                stamps: number;
                                status: "done" | "reversed";
                                /** Format: date-time */
                                reversed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            } & {
                                kind: (never | null) | ("cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external");
                                /** @description the card’s template, by name */
                                template_name: string | null;
                                /** @description the last 4 characters of the card’s code */
                                code_tail: string | null;
                                /** @description the member’s name only (no other part of their profile) */
                                member_name: string | null;
                            })[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Redeem 核销 by code (or card_id) at a store */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the code as typed or scanned (spaces and dashes ignored) */
                        code?: string;
                        card_id?: string;
                        store_id?: string;
                        /** @description integer minor units (fen 分) */
                        order_amount?: number;
                        /** @description stored_value/gift: amount to take, fen */
                        amount?: number;
                        uses?: number;
                        stamps?: number;
                        product_ids?: string[];
                        location?: {
                            lat: number;
                            lng: number;
                        };
                        approval_id?: string;
                        pin?: string;
                        /** @description idempotency key, as an alternative to the Idempotency-Key header */
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            card_id: string;
                            template_id: string;
                            batch_id: string;
                            store_id: string | null;
                            member_id: string | null;
                            order_amount: number | null;
                            /** @description value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp */
                            amount: number;
                            uses: number;
                            stamps: number;
                            status: "done" | "reversed";
                            /** Format: date-time */
                            reversed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            reward_card_id: string | null;
                            card: {
                                id: string;
                                batch_id: string;
                                template_id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                                code_tail: string;
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                state_reason: string | null;
                                member_id: string | null;
                                /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                                member_name?: string | null;
                                channel_id: string | null;
                                /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                                allocation_id?: string | null;
                                /** @description stored value left, fen */
                                balance: number;
                                /** @description uses left (this period for periodic cards) */
                                uses_left: number;
                                stamps: number;
                                period_no: number | null;
                                /** Format: date-time */
                                period_ends_at: string | null;
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                /** Format: date-time */
                                bind_deadline: string | null;
                                /** Format: date-time */
                                issued_at: string | null;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a redemption 撤销核销 within the tenant’s window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why it is reversed (kept on the reversed event and in the audit log) */
                        reason?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            card_id: string;
                            template_id: string;
                            batch_id: string;
                            store_id: string | null;
                            member_id: string | null;
                            order_amount: number | null;
                            /** @description value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp */
                            amount: number;
                            uses: number;
                            stamps: number;
                            status: "done" | "reversed";
                            /** Format: date-time */
                            reversed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            reward_card_id: string | null;
                            card: {
                                id: string;
                                batch_id: string;
                                template_id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                                code_tail: string;
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                state_reason: string | null;
                                member_id: string | null;
                                /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                                member_name?: string | null;
                                channel_id: string | null;
                                /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                                allocation_id?: string | null;
                                /** @description stored value left, fen */
                                balance: number;
                                /** @description uses left (this period for periodic cards) */
                                uses_left: number;
                                stamps: number;
                                period_no: number | null;
                                /** Format: date-time */
                                period_ends_at: string | null;
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                /** Format: date-time */
                                bind_deadline: string | null;
                                /** Format: date-time */
                                issued_at: string | null;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/redemptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a redemption */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            card_id: string;
                            template_id: string;
                            batch_id: string;
                            store_id: string | null;
                            member_id: string | null;
                            order_amount: number | null;
                            /** @description value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp */
                            amount: number;
                            uses: number;
                            stamps: number;
                            status: "done" | "reversed";
                            /** Format: date-time */
                            reversed_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve one high-value redemption of this card 二次验证 (valid 15 minutes, single use) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description integer minor units (fen 分) */
                        max_amount?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            card_id: string;
                            max_amount: number | null;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leakage-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 窜货预警 Leakage alerts, newest first: cards used outside their channel’s regions or stores (a partner: its subtree’s) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    channel_id?: string;
                    template_id?: string;
                    store_id?: string;
                    from?: string;
                    to?: string;
                    handled?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description redeemed (or stamped) at a store, or bound by a member */
                                kind: "redemption" | "binding";
                                card_id: string;
                                template_id: string | null;
                                /** @description the card’s channel */
                                channel_id: string;
                                /** @description its path when the alert was raised */
                                channel_path: string;
                                store_id: string | null;
                                member_id: string | null;
                                redemption_id: string | null;
                                /** @description the template’s rules.leakage when it was raised */
                                rule: "flag" | "refuse";
                                /** @description region (the store’s province/city is not in the channel’s regions), store_tags, member_region */
                                reasons: string[];
                                /** @description the regions and tags compared, as they were */
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                handled_at: string | null;
                                handled_by: string | null;
                                note: string | null;
                            }[];
                            next_cursor: string | null;
                            /** @description the names of the card, template, channel, store and member ids, and of who handled it (handled_by) */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/leakage-alerts/{id}/handle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a leakage alert handled 标记已处理 (once; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description redeemed (or stamped) at a store, or bound by a member */
                            kind: "redemption" | "binding";
                            card_id: string;
                            template_id: string | null;
                            /** @description the card’s channel */
                            channel_id: string;
                            /** @description its path when the alert was raised */
                            channel_path: string;
                            store_id: string | null;
                            member_id: string | null;
                            redemption_id: string | null;
                            /** @description the template’s rules.leakage when it was raised */
                            rule: "flag" | "refuse";
                            /** @description region (the store’s province/city is not in the channel’s regions), store_tags, member_region */
                            reasons: string[];
                            /** @description the regions and tags compared, as they were */
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            handled_at: string | null;
                            handled_by: string | null;
                            note: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 数据穿透 Issued, bound, redeemed, amount and GMV by channel: each channel’s own and its subtree’s (a partner: its subtree only) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    parent_id?: string;
                    /** @description every channel the caller sees, in tree order, instead of one level */
                    all?: boolean;
                    template_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            time_zone: string;
                            parent: {
                                channel_id: string;
                                name: string;
                                parent_id: string | null;
                                depth: number;
                                path: string;
                                status: string;
                                /** @description channels directly below (drill down with parent_id) */
                                children: number;
                                own: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description issued straight to a member */
                                    issued_to_members: number;
                                    /** @description bearer codes bound to a member */
                                    bound: number;
                                    /** @description cards that reached members: issued to a member + bound */
                                    in_hands: number;
                                    /** @description redemptions that stand */
                                    redeemed: number;
                                    /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                    redeemed_cards: number;
                                    /** @description fen: what those redemptions were worth */
                                    redeemed_amount: number;
                                    /** @description fen: the order amounts of those redemptions (GMV) */
                                    order_gmv: number;
                                };
                                subtree: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description issued straight to a member */
                                    issued_to_members: number;
                                    /** @description bearer codes bound to a member */
                                    bound: number;
                                    /** @description cards that reached members: issued to a member + bound */
                                    in_hands: number;
                                    /** @description redemptions that stand */
                                    redeemed: number;
                                    /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                    redeemed_cards: number;
                                    /** @description fen: what those redemptions were worth */
                                    redeemed_amount: number;
                                    /** @description fen: the order amounts of those redemptions (GMV) */
                                    order_gmv: number;
                                };
                            } | null;
                            rows: {
                                channel_id: string;
                                name: string;
                                parent_id: string | null;
                                depth: number;
                                path: string;
                                status: string;
                                /** @description channels directly below (drill down with parent_id) */
                                children: number;
                                own: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description issued straight to a member */
                                    issued_to_members: number;
                                    /** @description bearer codes bound to a member */
                                    bound: number;
                                    /** @description cards that reached members: issued to a member + bound */
                                    in_hands: number;
                                    /** @description redemptions that stand */
                                    redeemed: number;
                                    /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                    redeemed_cards: number;
                                    /** @description fen: what those redemptions were worth */
                                    redeemed_amount: number;
                                    /** @description fen: the order amounts of those redemptions (GMV) */
                                    order_gmv: number;
                                };
                                subtree: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description issued straight to a member */
                                    issued_to_members: number;
                                    /** @description bearer codes bound to a member */
                                    bound: number;
                                    /** @description cards that reached members: issued to a member + bound */
                                    in_hands: number;
                                    /** @description redemptions that stand */
                                    redeemed: number;
                                    /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                    redeemed_cards: number;
                                    /** @description fen: what those redemptions were worth */
                                    redeemed_amount: number;
                                    /** @description fen: the order amounts of those redemptions (GMV) */
                                    order_gmv: number;
                                };
                            }[];
                            unattributed: {
                                /** @description cards issued in the period */
                                issued: number;
                                /** @description issued straight to a member */
                                issued_to_members: number;
                                /** @description bearer codes bound to a member */
                                bound: number;
                                /** @description cards that reached members: issued to a member + bound */
                                in_hands: number;
                                /** @description redemptions that stand */
                                redeemed: number;
                                /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                redeemed_cards: number;
                                /** @description fen: what those redemptions were worth */
                                redeemed_amount: number;
                                /** @description fen: the order amounts of those redemptions (GMV) */
                                order_gmv: number;
                            } | null;
                            totals: {
                                /** @description cards issued in the period */
                                issued: number;
                                /** @description issued straight to a member */
                                issued_to_members: number;
                                /** @description bearer codes bound to a member */
                                bound: number;
                                /** @description cards that reached members: issued to a member + bound */
                                in_hands: number;
                                /** @description redemptions that stand */
                                redeemed: number;
                                /** @description distinct cards redeemed (a subtree: the sum of its channels’) */
                                redeemed_cards: number;
                                /** @description fen: what those redemptions were worth */
                                redeemed_amount: number;
                                /** @description fen: the order amounts of those redemptions (GMV) */
                                order_gmv: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/channels/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道漏斗 The cards issued in the period by channel → reached a member → redeemed (own and subtree) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    parent_id?: string;
                    /** @description every channel the caller sees, in tree order, instead of one level */
                    all?: boolean;
                    template_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            time_zone: string;
                            parent: {
                                channel_id: string;
                                name: string;
                                parent_id: string | null;
                                depth: number;
                                path: string;
                                status: string;
                                /** @description channels directly below (drill down with parent_id) */
                                children: number;
                                own: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                    reached: number;
                                    /** @description of those, redeemed (standing) by the period’s end */
                                    redeemed: number;
                                };
                                subtree: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                    reached: number;
                                    /** @description of those, redeemed (standing) by the period’s end */
                                    redeemed: number;
                                };
                            } | null;
                            rows: {
                                channel_id: string;
                                name: string;
                                parent_id: string | null;
                                depth: number;
                                path: string;
                                status: string;
                                /** @description channels directly below (drill down with parent_id) */
                                children: number;
                                own: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                    reached: number;
                                    /** @description of those, redeemed (standing) by the period’s end */
                                    redeemed: number;
                                };
                                subtree: {
                                    /** @description cards issued in the period */
                                    issued: number;
                                    /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                    reached: number;
                                    /** @description of those, redeemed (standing) by the period’s end */
                                    redeemed: number;
                                };
                            }[];
                            unattributed: {
                                /** @description cards issued in the period */
                                issued: number;
                                /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                reached: number;
                                /** @description of those, redeemed (standing) by the period’s end */
                                redeemed: number;
                            } | null;
                            totals: {
                                /** @description cards issued in the period */
                                issued: number;
                                /** @description of those, reached a member by the period’s end (issued to one, or bound) */
                                reached: number;
                                /** @description of those, redeemed (standing) by the period’s end */
                                redeemed: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/channels/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stats by channel as a file: CSV (UTF-8 with BOM) or XLSX; names, subtree and own figures, yuan with 2 decimals */
        get: {
            parameters: {
                query: {
                    from?: string;
                    to?: string;
                    parent_id?: string;
                    /** @description every channel the caller sees, in tree order, instead of one level */
                    all?: boolean;
                    template_id?: string;
                    format: "csv" | "xlsx";
                    lang?: "zh" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A card’s whole life: events, ledger, redemptions 轨迹 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            card: {
                                id: string;
                                batch_id: string;
                                template_id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description last 4 characters of the code; the code itself is shown only at issue or by reveal */
                                code_tail: string;
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                state_reason: string | null;
                                member_id: string | null;
                                /** @description lists and traces: the member by name (their name, CRM number or phone tail) */
                                member_name?: string | null;
                                channel_id: string | null;
                                /** @description the channel allocation it was issued or handed out under (its tracking parameters: the card.issued event) */
                                allocation_id?: string | null;
                                /** @description stored value left, fen */
                                balance: number;
                                /** @description uses left (this period for periodic cards) */
                                uses_left: number;
                                stamps: number;
                                period_no: number | null;
                                /** Format: date-time */
                                period_ends_at: string | null;
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                /** Format: date-time */
                                bind_deadline: string | null;
                                /** Format: date-time */
                                issued_at: string | null;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            events: {
                                id: number;
                                /** @description card.<event_type> in the event catalogue (GET /v1/event-types); generated is the card row itself */
                                event_type: string;
                                /** @description the event, named in Chinese (the catalogue’s name) */
                                zh: string;
                                /** @description the event, named in English */
                                en: string;
                                member_id: string | null;
                                store_id: string | null;
                                channel_id: string | null;
                                /** @description who acted: an API key (key_…), an operator (opr_…) or a member’s wallet (wallet:mem_…) */
                                key_id: string | null;
                                /** @description who acted, by name */
                                actor_name: string | null;
                                data: unknown;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            ledger: {
                                id: number;
                                entry_type: string;
                                amount: number;
                                uses: number;
                                stamps: number;
                                redemption_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            redemptions: {
                                id: string;
                                card_id: string;
                                template_id: string;
                                batch_id: string;
                                store_id: string | null;
                                member_id: string | null;
                                order_amount: number | null;
                                /** @description value given, fen: the discount, the face value, the balance taken, or a count/periodic card’s uses’ worth (face_value per use, or their share of card_value); 0 for a stamp */
                                amount: number;
                                uses: number;
                                stamps: number;
                                status: "done" | "reversed";
                                /** Format: date-time */
                                reversed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            /** @description the names of the ids in this trace: stores, members, channels, batch, template, actors */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member’s history 会员动态: their cards’ events, newest first, with card and store names */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                /** @description the card event, without `card.` (issued, redeemed, topped_up, gift_offered …) */
                                type: string;
                                /** @description the event, named in Chinese (the event catalogue’s name) */
                                zh: string;
                                /** @description the event, named in English */
                                en: string;
                                /** Format: date-time */
                                at: string;
                                card_id: string | null;
                                /** @description the card’s template name */
                                card_name: string | null;
                                kind: (never | null) | ("cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external");
                                code_tail: string | null;
                                store_name: string | null;
                                /** @description fen: what a redemption took, or a top-up’s paid amount */
                                amount: number;
                                /** @description fen: a top-up’s bonus */
                                bonus: number;
                                uses: number;
                                stamps: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Issued (to members / exported), bound, in members’ hands, redeemed, redemption rate over cards in hands, amount and GMV, grouped; with the previous period, the stock now and each figure’s definition */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    group_by?: "day" | "template" | "batch" | "store";
                    template_id?: string;
                    batch_id?: string;
                    store_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            group_by: string;
                            time_zone: string;
                            totals: {
                                /** @description cards issued in the period: to members + exported/bearer */
                                issued: number;
                                /** @description issued straight to a member */
                                issued_to_members: number;
                                /** @description exported or issued as bearer codes (no member): stock outside members’ hands */
                                exported: number;
                                /** @description bearer codes bound to a member */
                                bound: number;
                                /** @description cards that reached members: issued to a member + bound */
                                in_hands: number;
                                /** @description of those, redeemed (standing) by the period’s end */
                                in_hands_redeemed: number;
                                /** @description redemptions that stand */
                                redeemed: number;
                                /** @description distinct cards redeemed */
                                redeemed_cards: number;
                                /** @description in_hands_redeemed / in_hands; null when no card reached a member */
                                redemption_rate: number | null;
                                /** @description fen */
                                redeemed_amount: number;
                                /** @description fen */
                                order_gmv: number;
                            };
                            /** @description the period of the same length just before */
                            previous: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                totals: {
                                    /** @description cards issued in the period: to members + exported/bearer */
                                    issued: number;
                                    /** @description issued straight to a member */
                                    issued_to_members: number;
                                    /** @description exported or issued as bearer codes (no member): stock outside members’ hands */
                                    exported: number;
                                    /** @description bearer codes bound to a member */
                                    bound: number;
                                    /** @description cards that reached members: issued to a member + bound */
                                    in_hands: number;
                                    /** @description of those, redeemed (standing) by the period’s end */
                                    in_hands_redeemed: number;
                                    /** @description redemptions that stand */
                                    redeemed: number;
                                    /** @description distinct cards redeemed */
                                    redeemed_cards: number;
                                    /** @description in_hands_redeemed / in_hands; null when no card reached a member */
                                    redemption_rate: number | null;
                                    /** @description fen */
                                    redeemed_amount: number;
                                    /** @description fen */
                                    order_gmv: number;
                                };
                            };
                            /** @description now, not for the period */
                            stock: {
                                /** @description codes in batches’ stock now */
                                unissued: number;
                                /** @description bearer codes out now, usable, not bound */
                                bearer: number;
                            };
                            rows: {
                                /** @description the day (YYYY-MM-DD, tenant time zone), template, batch or store id */
                                key: string | null;
                                /** @description the day, or the template’s, batch’s or store’s name */
                                name: string | null;
                                /** @description cards issued in the period: to members + exported/bearer */
                                issued: number;
                                /** @description issued straight to a member */
                                issued_to_members: number;
                                /** @description exported or issued as bearer codes (no member): stock outside members’ hands */
                                exported: number;
                                /** @description bearer codes bound to a member */
                                bound: number;
                                /** @description cards that reached members: issued to a member + bound */
                                in_hands: number;
                                /** @description of those, redeemed (standing) by the period’s end */
                                in_hands_redeemed: number;
                                /** @description redemptions that stand */
                                redeemed: number;
                                /** @description distinct cards redeemed */
                                redeemed_cards: number;
                                /** @description in_hands_redeemed / in_hands; null when no card reached a member */
                                redemption_rate: number | null;
                                /** @description fen */
                                redeemed_amount: number;
                                /** @description fen */
                                order_gmv: number;
                            }[];
                            /** @description what each figure means */
                            definitions: {
                                key: string;
                                name_zh: string;
                                name_en: string;
                                zh: string;
                                en: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same report as a file: CSV (UTF-8 with BOM) or XLSX; names not ids, money in yuan with 2 decimals, with the previous period and the definitions */
        get: {
            parameters: {
                query: {
                    from?: string;
                    to?: string;
                    group_by?: "day" | "template" | "batch" | "store";
                    template_id?: string;
                    batch_id?: string;
                    store_id?: string;
                    format: "csv" | "xlsx";
                    /** @description column names and labels (default zh) */
                    lang?: "zh" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    before_id?: number;
                    action?: string;
                    target_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                /** @description place in the chain; null until sealed (seconds) */
                                seq: number | null;
                                /** @description the seal that covers it; null until sealed */
                                seal: number | null;
                                /** @description key:<key id>, operator:<username> or member:<member id> */
                                actor: string;
                                /** @description who acted, by name: the operator, the API key, the member */
                                actor_name: string | null;
                                action: string;
                                target_type: string | null;
                                target_id: string | null;
                                /** @description what it was done to, by name (a store, a card as its template and code tail, …) */
                                target_name: string | null;
                                data: unknown;
                                /** @description the names of the ids in data (stores, members, templates, …) */
                                names: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** @description the mac of the seal that covers it (hex) */
                                hash: string | null;
                            }[];
                            next_before_id: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the sealed chain with the audit key: detects any edit, deletion, gap or forged seal */
        get: {
            parameters: {
                query?: {
                    /** @description a head exported earlier (GET /v1/audit/head as JSON, or SEAL:MAC): also prove the chain still passes through it */
                    head?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            seals: number;
                            entries: number;
                            unsealed: number;
                            head: {
                                tenant_id: string;
                                /** @description the newest seal number */
                                seal: number;
                                /** @description its HMAC-SHA256 (hex) */
                                mac: string;
                                /** @description entries covered by seals 1..seal */
                                entries: number;
                                /** Format: date-time */
                                sealed_at: string;
                            } | null;
                            broken_at_seal?: number;
                            reason?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chain head (newest seal), to export and anchor outside the database */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant_id: string;
                            /** @description the newest seal number */
                            seal: number;
                            /** @description its HMAC-SHA256 (hex) */
                            mac: string;
                            /** @description entries covered by seals 1..seal */
                            entries: number;
                            /** Format: date-time */
                            sealed_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalogue 事件目录: every type an endpoint may subscribe to, named in Chinese and English */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                type: string;
                                zh: string;
                                en: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    /** @description order of the list: created_at, -created_at, url, -url (a leading - is descending; default -created_at, newest first). Changing it starts again from the first page. */
                    sort?: "created_at" | "-created_at" | "url" | "-url";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                url: string;
                                description: string | null;
                                event_types: string[];
                                active: boolean;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a webhook endpoint (回调地址); the signing secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http(s) URL that receives POSTs */
                        url: string;
                        /** @description event types to receive; empty = all */
                        event_types?: string[];
                        description?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string | null;
                        } & {
                            /** @description signing secret whsec_…: shown only in this answer */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            deleted: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a webhook endpoint (active=false pauses it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description http(s) URL that receives POSTs */
                        url?: string;
                        /** @description event types to receive; empty = all */
                        event_types?: string[];
                        description?: string | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (the new one is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string | null;
                            event_types: string[];
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string | null;
                        } & {
                            /** @description signing secret whsec_…: shown only in this answer */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test "ping" event to the endpoint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            endpoint_id: string;
                            event_id: string;
                            event_type: string;
                            state: "pending" | "delivered" | "failed";
                            attempts: number;
                            last_status: number | null;
                            /** @description why the last attempt failed, in a few words (HTTP 500, timeout, refused: not a public address); never the receiver's answer */
                            last_error: string | null;
                            /** @description how long the last attempt took, in milliseconds */
                            last_duration_ms: number | null;
                            /** Format: date-time */
                            next_attempt_at: string | null;
                            /** Format: date-time */
                            last_attempt_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description the JSON body that is POSTed */
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery log of an endpoint, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    state?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                endpoint_id: string;
                                event_id: string;
                                event_type: string;
                                state: "pending" | "delivered" | "failed";
                                attempts: number;
                                last_status: number | null;
                                /** @description why the last attempt failed, in a few words (HTTP 500, timeout, refused: not a public address); never the receiver's answer */
                                last_error: string | null;
                                /** @description how long the last attempt took, in milliseconds */
                                last_duration_ms: number | null;
                                /** Format: date-time */
                                next_attempt_at: string | null;
                                /** Format: date-time */
                                last_attempt_at: string | null;
                                /** Format: date-time */
                                delivered_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** @description the JSON body that is POSTed */
                                payload: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            endpoint_id: string;
                            event_id: string;
                            event_type: string;
                            state: "pending" | "delivered" | "failed";
                            attempts: number;
                            last_status: number | null;
                            /** @description why the last attempt failed, in a few words (HTTP 500, timeout, refused: not a public address); never the receiver's answer */
                            last_error: string | null;
                            /** @description how long the last attempt took, in milliseconds */
                            last_duration_ms: number | null;
                            /** Format: date-time */
                            next_attempt_at: string | null;
                            /** Format: date-time */
                            last_attempt_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description the JSON body that is POSTed */
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (delivered and failed ones too) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            endpoint_id: string;
                            event_id: string;
                            event_type: string;
                            state: "pending" | "delivered" | "failed";
                            attempts: number;
                            last_status: number | null;
                            /** @description why the last attempt failed, in a few words (HTTP 500, timeout, refused: not a public address); never the receiver's answer */
                            last_error: string | null;
                            /** @description how long the last attempt took, in milliseconds */
                            last_duration_ms: number | null;
                            /** Format: date-time */
                            next_attempt_at: string | null;
                            /** Format: date-time */
                            last_attempt_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description the JSON body that is POSTed */
                            payload: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/wallet-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signed link that opens this member’s wallet (the link is the credential: send it to the member only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description how long the link works, hours
                         * @default 72
                         */
                        ttl_hours?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            token: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/wallet-links/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every wallet link given to this member so far 作废钱包链接 (a new link works again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date-time */
                            wallet_links_valid_from: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/cards/{id}/gift-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Offer one of my transferable cards to a friend 转赠: a share link, or to the member with a phone number
         * @description The card stays mine, frozen (转赠中), until the friend accepts it from the link in their wallet (it moves to them under a new code), I cancel, or 24 hours pass (it is mine again). The answer carries the link and its secret once; only the secret’s hash is stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description offer it to the member with this phone number only */
                        phone?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                            state: "pending" | "accepted" | "cancelled" | "expired";
                            /** @description the giver’s card; null for anyone else */
                            card_id: string | null;
                            card: {
                                name: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                description: string | null;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** @description fen */
                                balance: number;
                                uses_left: number;
                                stamps: number;
                                /** Format: date-time */
                                valid_until: string | null;
                            };
                            /** @description the giver’s name, as the brand knows it */
                            from_name: string | null;
                            /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                            to_phone_last4: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: date-time */
                            settled_at: string | null;
                        } & {
                            /** @description the share link the friend opens: <PUBLIC_URL>/wallet/gift#g=<secret> */
                            url: string;
                            /** @description the link’s secret (only its hash is stored: this answer is the one time it is shown) */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/gift-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My pending gift offers: the ones I made (转赠中) and the ones made to my phone (待领取) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sent: {
                                id: string;
                                /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                                state: "pending" | "accepted" | "cancelled" | "expired";
                                /** @description the giver’s card; null for anyone else */
                                card_id: string | null;
                                card: {
                                    name: string;
                                    /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                    kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                    description: string | null;
                                    value: {
                                        /** @description cash: amount off, fen */
                                        amount_off?: number;
                                        /** @description discount: percent off (15 = 8.5折) */
                                        percent_off?: number;
                                        /** @description discount: cap on the amount off, fen */
                                        max_off?: number;
                                        /** @description exchange: the product/SKU it is exchanged for */
                                        sku?: string;
                                        product_name?: string;
                                        /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                        face_value?: number;
                                        /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                        card_value?: number;
                                        /** @description count: number of uses */
                                        uses?: number;
                                        /** @description periodic: uses each period */
                                        uses_per_period?: number;
                                        period?: "week" | "month" | "quarter";
                                        /** @description periodic: how many periods */
                                        periods?: number;
                                        /** @description stored_value/gift: balance at issue, fen */
                                        initial_balance?: number;
                                        /** @description stored_value/gift: top-ups may not go past this, fen */
                                        max_balance?: number;
                                        /** @description stamp: stamps to the reward */
                                        goal?: number;
                                        /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                        reward_template_id?: string;
                                        /** @description external: who supplies the codes */
                                        supplier?: string;
                                    };
                                    /** @description fen */
                                    balance: number;
                                    uses_left: number;
                                    stamps: number;
                                    /** Format: date-time */
                                    valid_until: string | null;
                                };
                                /** @description the giver’s name, as the brand knows it */
                                from_name: string | null;
                                /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                                to_phone_last4: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** Format: date-time */
                                settled_at: string | null;
                            }[];
                            received: {
                                id: string;
                                /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                                state: "pending" | "accepted" | "cancelled" | "expired";
                                /** @description the giver’s card; null for anyone else */
                                card_id: string | null;
                                card: {
                                    name: string;
                                    /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                    kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                    description: string | null;
                                    value: {
                                        /** @description cash: amount off, fen */
                                        amount_off?: number;
                                        /** @description discount: percent off (15 = 8.5折) */
                                        percent_off?: number;
                                        /** @description discount: cap on the amount off, fen */
                                        max_off?: number;
                                        /** @description exchange: the product/SKU it is exchanged for */
                                        sku?: string;
                                        product_name?: string;
                                        /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                        face_value?: number;
                                        /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                        card_value?: number;
                                        /** @description count: number of uses */
                                        uses?: number;
                                        /** @description periodic: uses each period */
                                        uses_per_period?: number;
                                        period?: "week" | "month" | "quarter";
                                        /** @description periodic: how many periods */
                                        periods?: number;
                                        /** @description stored_value/gift: balance at issue, fen */
                                        initial_balance?: number;
                                        /** @description stored_value/gift: top-ups may not go past this, fen */
                                        max_balance?: number;
                                        /** @description stamp: stamps to the reward */
                                        goal?: number;
                                        /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                        reward_template_id?: string;
                                        /** @description external: who supplies the codes */
                                        supplier?: string;
                                    };
                                    /** @description fen */
                                    balance: number;
                                    uses_left: number;
                                    stamps: number;
                                    /** Format: date-time */
                                    valid_until: string | null;
                                };
                                /** @description the giver’s name, as the brand knows it */
                                from_name: string | null;
                                /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                                to_phone_last4: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** Format: date-time */
                                settled_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/gift-offers/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a gift link offers (the card, who gives it, whether I may accept it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the secret from the gift link (#g=…) */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                            state: "pending" | "accepted" | "cancelled" | "expired";
                            /** @description the giver’s card; null for anyone else */
                            card_id: string | null;
                            card: {
                                name: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                description: string | null;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** @description fen */
                                balance: number;
                                uses_left: number;
                                stamps: number;
                                /** Format: date-time */
                                valid_until: string | null;
                            };
                            /** @description the giver’s name, as the brand knows it */
                            from_name: string | null;
                            /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                            to_phone_last4: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: date-time */
                            settled_at: string | null;
                        } & {
                            /** @description you made this offer */
                            yours: boolean;
                            /** @description you may accept it now */
                            for_you: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/gift-offers/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a gift 领取: by the link’s secret, or an offer made to my phone by its id
         * @description Two accepts of one offer race to one winner; the other is told GIFT_OFFER_ACCEPTED. The card moves with a new code.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the secret from the gift link (#g=…) */
                        token?: string;
                        offer_id?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            offer: {
                                id: string;
                                /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                                state: "pending" | "accepted" | "cancelled" | "expired";
                                /** @description the giver’s card; null for anyone else */
                                card_id: string | null;
                                card: {
                                    name: string;
                                    /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                    kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                    description: string | null;
                                    value: {
                                        /** @description cash: amount off, fen */
                                        amount_off?: number;
                                        /** @description discount: percent off (15 = 8.5折) */
                                        percent_off?: number;
                                        /** @description discount: cap on the amount off, fen */
                                        max_off?: number;
                                        /** @description exchange: the product/SKU it is exchanged for */
                                        sku?: string;
                                        product_name?: string;
                                        /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                        face_value?: number;
                                        /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                        card_value?: number;
                                        /** @description count: number of uses */
                                        uses?: number;
                                        /** @description periodic: uses each period */
                                        uses_per_period?: number;
                                        period?: "week" | "month" | "quarter";
                                        /** @description periodic: how many periods */
                                        periods?: number;
                                        /** @description stored_value/gift: balance at issue, fen */
                                        initial_balance?: number;
                                        /** @description stored_value/gift: top-ups may not go past this, fen */
                                        max_balance?: number;
                                        /** @description stamp: stamps to the reward */
                                        goal?: number;
                                        /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                        reward_template_id?: string;
                                        /** @description external: who supplies the codes */
                                        supplier?: string;
                                    };
                                    /** @description fen */
                                    balance: number;
                                    uses_left: number;
                                    stamps: number;
                                    /** Format: date-time */
                                    valid_until: string | null;
                                };
                                /** @description the giver’s name, as the brand knows it */
                                from_name: string | null;
                                /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                                to_phone_last4: string | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** Format: date-time */
                                settled_at: string | null;
                            };
                            card: {
                                /** @description 即将过期: active and expiring within the tenant’s expiring_soon_days */
                                expiring_soon: boolean;
                                /** @description days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry */
                                expires_in_days: number | null;
                                id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                name: string;
                                description: string | null;
                                code_tail: string;
                                /** @description fen */
                                balance: number;
                                uses_left: number;
                                stamps: number;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                transferable: boolean;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** @description 转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired) */
                                gift_offer: {
                                    id: string;
                                    /** Format: date-time */
                                    expires_at: string;
                                    /** @description offered to the member with this phone; null: to whoever opens the link */
                                    to_phone_last4: string | null;
                                } | null;
                                template_rules: {
                                    /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                    weekdays?: number[];
                                    /** @description local times; to < from spans midnight */
                                    hours?: {
                                        from: string;
                                        to: string;
                                    }[];
                                    store_ids?: string[];
                                    store_tags?: string[];
                                    geofence?: {
                                        lat: number;
                                        lng: number;
                                        radius_m: number;
                                    };
                                    /** @description integer minor units (fen 分) */
                                    min_spend?: number;
                                    /** @description the order must contain one of these products */
                                    product_ids?: string[];
                                    /** @description most cards of this template one member may be issued */
                                    per_member_limit?: number;
                                    /** @description an unbound issued code lapses after this */
                                    bind_within_hours?: number;
                                    transferable?: boolean;
                                    /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                    top_up_bonus?: {
                                        /** @description a top-up of at least this, fen */
                                        min_amount: number;
                                        /** @description is credited this on top, fen */
                                        bonus: number;
                                    }[];
                                    /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                    leakage?: "allow" | "flag" | "refuse";
                                    /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                    verification?: {
                                        /** @description integer minor units (fen 分) */
                                        threshold?: number;
                                    };
                                    /** @description read only: the names of store_ids, in their order */
                                    store_names?: string[];
                                };
                                /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                                validity: {
                                    /** @enum {string} */
                                    type: "fixed";
                                    /** Format: date-time */
                                    starts_at?: string;
                                    /** Format: date-time */
                                    ends_at: string;
                                } | {
                                    /** @enum {string} */
                                    type: "relative";
                                    days: number;
                                    from?: "issue" | "bind";
                                } | {
                                    /** @enum {string} */
                                    type: "period_end";
                                    unit: "week" | "month" | "quarter" | "year";
                                } | {
                                    /** @enum {string} */
                                    type: "none";
                                };
                            };
                            /** @description I had accepted it before */
                            already_accepted: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/gift-offers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take my gift offer back 取消转赠: the card is mine and usable again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description pending 待领取 · accepted 已领取 · cancelled 已取消 · expired 已过期（卡已退回赠送人） */
                            state: "pending" | "accepted" | "cancelled" | "expired";
                            /** @description the giver’s card; null for anyone else */
                            card_id: string | null;
                            card: {
                                name: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                description: string | null;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** @description fen */
                                balance: number;
                                uses_left: number;
                                stamps: number;
                                /** Format: date-time */
                                valid_until: string | null;
                            };
                            /** @description the giver’s name, as the brand knows it */
                            from_name: string | null;
                            /** @description offered to the member with this phone (gift by phone); null: to whoever opens the link */
                            to_phone_last4: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** Format: date-time */
                            settled_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the wallet in this browser: trades the link’s token for an HttpOnly cookie
         * @description The wallet page calls this with `Authorization: Wallet <token>` as soon as it opens, then takes the token out of the address bar. The cookie (SameSite=Strict, path /v1/wallet, until the link expires) is honoured with the header X-Kaquan-Screen: wallet. A link that does not work clears the cookie.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member_id: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member and how many cards they hold by state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member: {
                                id: string;
                                name: string | null;
                                phone_last4: string | null;
                                tier: string | null;
                            };
                            tenant: {
                                name: string;
                                currency: string;
                                time_zone: string;
                            };
                            counts: {
                                usable: number;
                                used: number;
                                expired: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My cards: usable (active/frozen), used, or expired (expired/voided) */
        get: {
            parameters: {
                query?: {
                    state?: "usable" | "used" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description 即将过期: active and expiring within the tenant’s expiring_soon_days */
                                expiring_soon: boolean;
                                /** @description days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry */
                                expires_in_days: number | null;
                                id: string;
                                /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                                kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                                /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                                state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                                name: string;
                                description: string | null;
                                code_tail: string;
                                /** @description fen */
                                balance: number;
                                uses_left: number;
                                stamps: number;
                                value: {
                                    /** @description cash: amount off, fen */
                                    amount_off?: number;
                                    /** @description discount: percent off (15 = 8.5折) */
                                    percent_off?: number;
                                    /** @description discount: cap on the amount off, fen */
                                    max_off?: number;
                                    /** @description exchange: the product/SKU it is exchanged for */
                                    sku?: string;
                                    product_name?: string;
                                    /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                    face_value?: number;
                                    /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                    card_value?: number;
                                    /** @description count: number of uses */
                                    uses?: number;
                                    /** @description periodic: uses each period */
                                    uses_per_period?: number;
                                    period?: "week" | "month" | "quarter";
                                    /** @description periodic: how many periods */
                                    periods?: number;
                                    /** @description stored_value/gift: balance at issue, fen */
                                    initial_balance?: number;
                                    /** @description stored_value/gift: top-ups may not go past this, fen */
                                    max_balance?: number;
                                    /** @description stamp: stamps to the reward */
                                    goal?: number;
                                    /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                    reward_template_id?: string;
                                    /** @description external: who supplies the codes */
                                    supplier?: string;
                                };
                                /** Format: date-time */
                                valid_from: string | null;
                                /** Format: date-time */
                                valid_until: string | null;
                                transferable: boolean;
                                /** Format: date-time */
                                bound_at: string | null;
                                /** @description 转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired) */
                                gift_offer: {
                                    id: string;
                                    /** Format: date-time */
                                    expires_at: string;
                                    /** @description offered to the member with this phone; null: to whoever opens the link */
                                    to_phone_last4: string | null;
                                } | null;
                                template_rules: {
                                    /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                    weekdays?: number[];
                                    /** @description local times; to < from spans midnight */
                                    hours?: {
                                        from: string;
                                        to: string;
                                    }[];
                                    store_ids?: string[];
                                    store_tags?: string[];
                                    geofence?: {
                                        lat: number;
                                        lng: number;
                                        radius_m: number;
                                    };
                                    /** @description integer minor units (fen 分) */
                                    min_spend?: number;
                                    /** @description the order must contain one of these products */
                                    product_ids?: string[];
                                    /** @description most cards of this template one member may be issued */
                                    per_member_limit?: number;
                                    /** @description an unbound issued code lapses after this */
                                    bind_within_hours?: number;
                                    transferable?: boolean;
                                    /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                    top_up_bonus?: {
                                        /** @description a top-up of at least this, fen */
                                        min_amount: number;
                                        /** @description is credited this on top, fen */
                                        bonus: number;
                                    }[];
                                    /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                    leakage?: "allow" | "flag" | "refuse";
                                    /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                    verification?: {
                                        /** @description integer minor units (fen 分) */
                                        threshold?: number;
                                    };
                                    /** @description read only: the names of store_ids, in their order */
                                    store_names?: string[];
                                };
                                /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                                validity: {
                                    /** @enum {string} */
                                    type: "fixed";
                                    /** Format: date-time */
                                    starts_at?: string;
                                    /** Format: date-time */
                                    ends_at: string;
                                } | {
                                    /** @enum {string} */
                                    type: "relative";
                                    days: number;
                                    from?: "issue" | "bind";
                                } | {
                                    /** @enum {string} */
                                    type: "period_end";
                                    unit: "week" | "month" | "quarter" | "year";
                                } | {
                                    /** @enum {string} */
                                    type: "none";
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my cards: its code to show the clerk, rules, history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 即将过期: active and expiring within the tenant’s expiring_soon_days */
                            expiring_soon: boolean;
                            /** @description days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry */
                            expires_in_days: number | null;
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            name: string;
                            description: string | null;
                            code_tail: string;
                            /** @description fen */
                            balance: number;
                            uses_left: number;
                            stamps: number;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            transferable: boolean;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** @description 转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired) */
                            gift_offer: {
                                id: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** @description offered to the member with this phone; null: to whoever opens the link */
                                to_phone_last4: string | null;
                            } | null;
                            template_rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                        } & {
                            /** @description the clear code, for the member to show at checkout; null once the card is no longer usable */
                            code: string | null;
                            period_no: number | null;
                            /** Format: date-time */
                            period_ends_at: string | null;
                            history: {
                                type: string;
                                /** @description the event, named in Chinese */
                                zh: string;
                                /** @description the event, named in English */
                                en: string;
                                /** Format: date-time */
                                at: string;
                                /** @description fen; for a top-up, what was paid */
                                amount: number;
                                /** @description fen: a top-up’s bonus (充值赠送), else 0 */
                                bonus: number;
                                uses: number;
                                stamps: number;
                                store_name: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bind a code bought or received elsewhere to my wallet 绑定 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        pin?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 即将过期: active and expiring within the tenant’s expiring_soon_days */
                            expiring_soon: boolean;
                            /** @description days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry */
                            expires_in_days: number | null;
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            name: string;
                            description: string | null;
                            code_tail: string;
                            /** @description fen */
                            balance: number;
                            uses_left: number;
                            stamps: number;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            transferable: boolean;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** @description 转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired) */
                            gift_offer: {
                                id: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** @description offered to the member with this phone; null: to whoever opens the link */
                                to_phone_last4: string | null;
                            } | null;
                            template_rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                        } & {
                            already_bound: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/cards/{id}/gift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a transferable card to another member at once, by their id 转赠 (integrations; the wallet page offers it by link or phone instead) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to_member_external_id?: string;
                        to_member_id?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 即将过期: active and expiring within the tenant’s expiring_soon_days */
                            expiring_soon: boolean;
                            /** @description days until its last day on the tenant’s calendar (0: today is its last day); null without an expiry */
                            expires_in_days: number | null;
                            id: string;
                            /** @description cash 代金券 · discount 折扣券 · exchange 兑换券 · count 次卡 · periodic 周期卡 · stored_value 储值卡 · gift 礼品卡 · stamp 集点卡 · external 第三方卡密 */
                            kind: "cash" | "discount" | "exchange" | "count" | "periodic" | "stored_value" | "gift" | "stamp" | "external";
                            /** @description unissued 未发放 · active 可用 · frozen 冻结 · used 已用完 · expired 已过期 · voided 已作废 */
                            state: "unissued" | "active" | "frozen" | "used" | "expired" | "voided";
                            name: string;
                            description: string | null;
                            code_tail: string;
                            /** @description fen */
                            balance: number;
                            uses_left: number;
                            stamps: number;
                            value: {
                                /** @description cash: amount off, fen */
                                amount_off?: number;
                                /** @description discount: percent off (15 = 8.5折) */
                                percent_off?: number;
                                /** @description discount: cap on the amount off, fen */
                                max_off?: number;
                                /** @description exchange: the product/SKU it is exchanged for */
                                sku?: string;
                                product_name?: string;
                                /** @description nominal value for reports, fen: exchange and external per card; count and periodic PER USE (每次价值; or give card_value instead) */
                                face_value?: number;
                                /** @description count/periodic: what ALL the card’s uses are worth together (整卡价值, e.g. 10 washes for ¥388), fen; each redemption records its uses’ share, the shares adding up to this exactly. Give face_value (per use) or card_value, not both */
                                card_value?: number;
                                /** @description count: number of uses */
                                uses?: number;
                                /** @description periodic: uses each period */
                                uses_per_period?: number;
                                period?: "week" | "month" | "quarter";
                                /** @description periodic: how many periods */
                                periods?: number;
                                /** @description stored_value/gift: balance at issue, fen */
                                initial_balance?: number;
                                /** @description stored_value/gift: top-ups may not go past this, fen */
                                max_balance?: number;
                                /** @description stamp: stamps to the reward */
                                goal?: number;
                                /** @description stamp: template issued at the goal (a cash, discount, exchange, count or periodic one) */
                                reward_template_id?: string;
                                /** @description external: who supplies the codes */
                                supplier?: string;
                            };
                            /** Format: date-time */
                            valid_from: string | null;
                            /** Format: date-time */
                            valid_until: string | null;
                            transferable: boolean;
                            /** Format: date-time */
                            bound_at: string | null;
                            /** @description 转赠中: the member has offered this card to a friend (it is frozen until accepted, cancelled or expired) */
                            gift_offer: {
                                id: string;
                                /** Format: date-time */
                                expires_at: string;
                                /** @description offered to the member with this phone; null: to whoever opens the link */
                                to_phone_last4: string | null;
                            } | null;
                            template_rules: {
                                /** @description ISO weekdays, 1 = Monday, tenant time zone */
                                weekdays?: number[];
                                /** @description local times; to < from spans midnight */
                                hours?: {
                                    from: string;
                                    to: string;
                                }[];
                                store_ids?: string[];
                                store_tags?: string[];
                                geofence?: {
                                    lat: number;
                                    lng: number;
                                    radius_m: number;
                                };
                                /** @description integer minor units (fen 分) */
                                min_spend?: number;
                                /** @description the order must contain one of these products */
                                product_ids?: string[];
                                /** @description most cards of this template one member may be issued */
                                per_member_limit?: number;
                                /** @description an unbound issued code lapses after this */
                                bind_within_hours?: number;
                                transferable?: boolean;
                                /** @description stored_value/gift 充值赠送: tiers like 充500送50 ([{min_amount: 50000, bonus: 5000}]); a top-up gets the bonus of the highest tier it reaches, credited as its own ledger transfer (reason top_up_bonus). A rule, so it may change while cards are out: a top-up reads the tiers of its moment */
                                top_up_bonus?: {
                                    /** @description a top-up of at least this, fen */
                                    min_amount: number;
                                    /** @description is credited this on top, fen */
                                    bonus: number;
                                }[];
                                /** @description 窜货: a card of a channel redeemed at a store outside that channel’s regions or store tags, or bound by a member outside its regions. allow = nothing; flag (the default when absent) = it goes through and a channel.leakage alert is raised; refuse = the redemption is refused (a binding is flagged) */
                                leakage?: "allow" | "flag" | "refuse";
                                /** @description high-value second verification: redemptions (of at least threshold) need an approval */
                                verification?: {
                                    /** @description integer minor units (fen 分) */
                                    threshold?: number;
                                };
                                /** @description read only: the names of store_ids, in their order */
                                store_names?: string[];
                            };
                            /** @description fixed window; N days after issue or bind; end of the current week/month/quarter/year (tenant time zone); or none */
                            validity: {
                                /** @enum {string} */
                                type: "fixed";
                                /** Format: date-time */
                                starts_at?: string;
                                /** Format: date-time */
                                ends_at: string;
                            } | {
                                /** @enum {string} */
                                type: "relative";
                                days: number;
                                from?: "issue" | "bind";
                            } | {
                                /** @enum {string} */
                                type: "period_end";
                                unit: "week" | "month" | "quarter" | "year";
                            } | {
                                /** @enum {string} */
                                type: "none";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                time_zone: string;
                                currency: string;
                                reverse_window_minutes: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                disabled_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant and its first owner key (the key is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description lower-case letters, digits, - and _ */
                        id?: string;
                        name: string;
                        /** @description IANA, default Asia/Shanghai */
                        time_zone?: string;
                        /** @description ISO 4217, default CNY */
                        currency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: {
                                id: string;
                                name: string;
                                time_zone: string;
                                currency: string;
                                reverse_window_minutes: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                disabled_at: string | null;
                            };
                            owner_key: {
                                id: string;
                                secret: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/tenants/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a tenant: its keys, sessions and wallet links are refused (403 TENANT_DISABLED) within 5 s; its data stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            time_zone: string;
                            currency: string;
                            reverse_window_minutes: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            disabled_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/platform/tenants/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled tenant again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            time_zone: string;
                            currency: string;
                            reverse_window_minutes: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            disabled_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists/{level}/prices/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a price level’s price for a template (批发价, 建议零售价, 限价) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description a price level (渠道/企业客户的价格等级), e.g. L1 */
                    level: string;
                    template_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description integer minor units (fen 分) */
                        wholesale_price: number;
                        /** @description integer minor units (fen 分) */
                        retail_price?: number | null;
                        /** @description integer minor units (fen 分) */
                        floor_price?: number;
                        below_floor?: "refuse" | "flag";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            price_level: string;
                            template_id: string;
                            /** @description 批发价, fen */
                            wholesale_price: number;
                            /** @description 建议零售价, fen */
                            retail_price: number | null;
                            /** @description 限价: no sale below it (fen) */
                            floor_price: number;
                            /** @description a sale below the floor: refused, or accepted and flagged */
                            below_floor: "refuse" | "flag";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a price level’s price for a template */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description a price level (渠道/企业客户的价格等级), e.g. L1 */
                    level: string;
                    template_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            deleted: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The price lists: every level’s prices, one level’s, or the level of a channel (its price_level) */
        get: {
            parameters: {
                query?: {
                    /** @description a price level (渠道/企业客户的价格等级), e.g. L1 */
                    price_level?: string;
                    channel_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                price_level: string;
                                template_id: string;
                                /** @description 批发价, fen */
                                wholesale_price: number;
                                /** @description 建议零售价, fen */
                                retail_price: number | null;
                                /** @description 限价: no sale below it (fen) */
                                floor_price: number;
                                /** @description a sale below the floor: refused, or accepted and flagged */
                                below_floor: "refuse" | "flag";
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buyers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List buyers with their prepaid balances */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                contact_name: string | null;
                                contact_phone: string | null;
                                price_level: string;
                                /** @description the prepaid balance’s ledger account */
                                account_id: string;
                                /** @description 预存款余额, fen */
                                balance: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add an enterprise buyer (企业客户) with a prepaid balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        contact_name?: string | null;
                        contact_phone?: string | null;
                        /** @description a price level (渠道/企业客户的价格等级), e.g. L1 */
                        price_level: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            contact_name: string | null;
                            contact_phone: string | null;
                            price_level: string;
                            /** @description the prepaid balance’s ledger account */
                            account_id: string;
                            /** @description 预存款余额, fen */
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buyers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a buyer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            contact_name: string | null;
                            contact_phone: string | null;
                            price_level: string;
                            /** @description the prepaid balance’s ledger account */
                            account_id: string;
                            /** @description 预存款余额, fen */
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a buyer (name, contact, price level) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        contact_name?: string | null;
                        contact_phone?: string | null;
                        /** @description a price level (渠道/企业客户的价格等级), e.g. L1 */
                        price_level?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            contact_name: string | null;
                            contact_phone: string | null;
                            price_level: string;
                            /** @description the prepaid balance’s ledger account */
                            account_id: string;
                            /** @description 预存款余额, fen */
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/buyers/{id}/recharges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recharge a buyer’s prepaid balance (预存款充值: a ledger transfer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            contact_name: string | null;
                            contact_phone: string | null;
                            price_level: string;
                            /** @description the prepaid balance’s ledger account */
                            account_id: string;
                            /** @description 预存款余额, fen */
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List wholesale orders (newest first, at most 500) */
        get: {
            parameters: {
                query?: {
                    buyer_id?: string;
                    state?: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                buyer_id: string;
                                state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                                total: number;
                                units: number;
                                /** @description progress of fulfilment */
                                fulfilled_units: number;
                                flagged: boolean;
                                note: string | null;
                                payment_method: (never | null) | ("offline" | "prepaid");
                                payment_reference: string | null;
                                payment_amount: number | null;
                                paid_by: string | null;
                                payment_transfer_id: number | null;
                                refund_transfer_id: number | null;
                                reason: string | null;
                                created_by: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                confirmed_at: string | null;
                                /** Format: date-time */
                                paid_at: string | null;
                                /** Format: date-time */
                                fulfilled_at: string | null;
                                /** Format: date-time */
                                delivered_at: string | null;
                                /** Format: date-time */
                                closed_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a wholesale order (draft), priced at the buyer’s price level */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        buyer_id: string;
                        lines: {
                            template_id?: string;
                            batch_id?: string;
                            quantity: number;
                            /** @description integer minor units (fen 分) */
                            unit_price?: number;
                        }[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a wholesale order with its lines and fulfilment progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a draft order (确认) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment: an offline transfer (reference, amount) or a deduction from the prepaid balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "offline";
                        reference: string;
                        /** @description integer minor units (fen 分) */
                        amount: number;
                    } | {
                        /** @enum {string} */
                        method: "prepaid";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an unpaid order, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a paid order before fulfilment, with a reason (a prepaid payment is reversed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a fulfilled order delivered 已交付: the codes reached the buyer (a password-protected file handed over). A delivery link downloaded by the recipient marks it by itself */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wholesale-orders/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fulfil a paid order: its codes are issued as bearer cards. Up to 2000 units left, in this request; more, by a job (watch fulfilled_units) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            buyer_id: string;
                            state: "draft" | "confirmed" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
                            total: number;
                            units: number;
                            /** @description progress of fulfilment */
                            fulfilled_units: number;
                            flagged: boolean;
                            note: string | null;
                            payment_method: (never | null) | ("offline" | "prepaid");
                            payment_reference: string | null;
                            payment_amount: number | null;
                            paid_by: string | null;
                            payment_transfer_id: number | null;
                            refund_transfer_id: number | null;
                            reason: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            confirmed_at: string | null;
                            /** Format: date-time */
                            paid_at: string | null;
                            /** Format: date-time */
                            fulfilled_at: string | null;
                            /** Format: date-time */
                            delivered_at: string | null;
                            /** Format: date-time */
                            closed_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                id: string;
                                line_no: number;
                                template_id: string;
                                batch_id: string;
                                quantity: number;
                                unit_price: number;
                                /** @description the price level’s wholesale price when ordered */
                                list_price: number;
                                floor_price: number;
                                /** @description sold below the floor (flagged) */
                                below_floor: boolean;
                                fulfilled: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries, newest first, with their state (created · downloaded n of m · expired · revoked) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    /** @description created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销 */
                    state?: "created" | "downloaded" | "expired" | "revoked";
                    /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                    method?: "file" | "link";
                    reference_type?: string;
                    reference_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                                method: "file" | "link";
                                /** @description created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销 */
                                state: "created" | "downloaded" | "expired" | "revoked";
                                recipient: {
                                    name: string;
                                    phone: string | null;
                                    email: string | null;
                                };
                                reference_type: string | null;
                                reference_id: string | null;
                                /** @description lists and reads: what the reference names (a wholesale order: its buyer and units) */
                                reference_name?: string | null;
                                note: string | null;
                                cards: number;
                                password_protected: boolean;
                                file_bytes: number | null;
                                /** Format: date-time */
                                expires_at: string | null;
                                max_downloads: number | null;
                                /** @description downloads through the link */
                                downloads: number;
                                /** @description the link would serve the file now */
                                link_usable: boolean;
                                /** Format: date-time */
                                last_download_at: string | null;
                                /** @description times the operator downloaded the file */
                                fetches: number;
                                /** Format: date-time */
                                revoked_at: string | null;
                                revoked_by: string | null;
                                revoke_reason: string | null;
                                /** @description the bulk void of the cards when the revoke voided them (GET /v1/cards/bulk/{id}) */
                                void_bulk_id: string | null;
                                actor: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Deliver issued bearer cards to a recipient 卡密交付: as a password-protected XLSX (method file) or a one-time download link (method link). The password and the link are in the answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        card_ids?: string[];
                        /** @description the cards a batch export took out of stock */
                        export?: {
                            batch_id: string;
                            export_id: string;
                        };
                        /** @description the cards a fulfilled wholesale order issued; the order is marked delivered when the recipient downloads */
                        order?: {
                            id: string;
                        };
                        /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                        method: "file" | "link";
                        recipient: {
                            name: string;
                            phone?: string;
                            email?: string;
                        };
                        reference_type?: string;
                        reference_id?: string;
                        note?: string;
                        /** @description link only: false serves a workbook without a password (default true) */
                        password?: boolean;
                        /** @description link only (default 72) */
                        expires_in_hours?: number;
                        /** @description link only (default 1) */
                        max_downloads?: number;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                            method: "file" | "link";
                            /** @description created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销 */
                            state: "created" | "downloaded" | "expired" | "revoked";
                            recipient: {
                                name: string;
                                phone: string | null;
                                email: string | null;
                            };
                            reference_type: string | null;
                            reference_id: string | null;
                            /** @description lists and reads: what the reference names (a wholesale order: its buyer and units) */
                            reference_name?: string | null;
                            note: string | null;
                            cards: number;
                            password_protected: boolean;
                            file_bytes: number | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            max_downloads: number | null;
                            /** @description downloads through the link */
                            downloads: number;
                            /** @description the link would serve the file now */
                            link_usable: boolean;
                            /** Format: date-time */
                            last_download_at: string | null;
                            /** @description times the operator downloaded the file */
                            fetches: number;
                            /** Format: date-time */
                            revoked_at: string | null;
                            revoked_by: string | null;
                            revoke_reason: string | null;
                            /** @description the bulk void of the cards when the revoke voided them (GET /v1/cards/bulk/{id}) */
                            void_bulk_id: string | null;
                            actor: string;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            /** @description shown once 仅显示一次 */
                            secret: {
                                /** @description the file’s password: shown only now, kept nowhere; send it by another channel than the file */
                                password: string | null;
                                /** @description the download link: shown only now (only its hash is kept) */
                                url: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery, and every attempt on its link (downloads and refusals, with address and time) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                            method: "file" | "link";
                            /** @description created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销 */
                            state: "created" | "downloaded" | "expired" | "revoked";
                            recipient: {
                                name: string;
                                phone: string | null;
                                email: string | null;
                            };
                            reference_type: string | null;
                            reference_id: string | null;
                            /** @description lists and reads: what the reference names (a wholesale order: its buyer and units) */
                            reference_name?: string | null;
                            note: string | null;
                            cards: number;
                            password_protected: boolean;
                            file_bytes: number | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            max_downloads: number | null;
                            /** @description downloads through the link */
                            downloads: number;
                            /** @description the link would serve the file now */
                            link_usable: boolean;
                            /** Format: date-time */
                            last_download_at: string | null;
                            /** @description times the operator downloaded the file */
                            fetches: number;
                            /** Format: date-time */
                            revoked_at: string | null;
                            revoked_by: string | null;
                            revoke_reason: string | null;
                            /** @description the bulk void of the cards when the revoke voided them (GET /v1/cards/bulk/{id}) */
                            void_bulk_id: string | null;
                            actor: string;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            attempts: {
                                id: string;
                                /** @description served · expired · used_up · revoked */
                                outcome: string;
                                ip: string | null;
                                user_agent: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download the password-protected XLSX (counted in fetches, audited); 409 once revoked or for a link without a password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a delivery 撤销: its link stops at once, its cards may be delivered again; void_cards also voids them (409 DELIVERY_DOWNLOADED when the link was already used) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        void_cards?: boolean;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description file 加密文件: a password-protected XLSX the operator sends, the password by another channel · link 下载链接: a one-time link */
                            method: "file" | "link";
                            /** @description created 已创建 · downloaded 已下载 (a link: downloads of max_downloads; a file: the operator downloaded it) · expired 已过期 (a link past its time, never downloaded) · revoked 已撤销 */
                            state: "created" | "downloaded" | "expired" | "revoked";
                            recipient: {
                                name: string;
                                phone: string | null;
                                email: string | null;
                            };
                            reference_type: string | null;
                            reference_id: string | null;
                            /** @description lists and reads: what the reference names (a wholesale order: its buyer and units) */
                            reference_name?: string | null;
                            note: string | null;
                            cards: number;
                            password_protected: boolean;
                            file_bytes: number | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            max_downloads: number | null;
                            /** @description downloads through the link */
                            downloads: number;
                            /** @description the link would serve the file now */
                            link_usable: boolean;
                            /** Format: date-time */
                            last_download_at: string | null;
                            /** @description times the operator downloaded the file */
                            fetches: number;
                            /** Format: date-time */
                            revoked_at: string | null;
                            revoked_by: string | null;
                            revoke_reason: string | null;
                            /** @description the bulk void of the cards when the revoke voided them (GET /v1/cards/bulk/{id}) */
                            void_bulk_id: string | null;
                            actor: string;
                            /** Format: date-time */
                            created_at: string;
                        } & {
                            voided: {
                                bulk_id: string;
                                voided: number;
                                skipped: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allocate issue quota or pre-generated codes of a batch to a channel (from the brand to a top-level channel, or from a channel to its child) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        batch_id: string;
                        to_channel_id: string;
                        from_channel_id?: string | null;
                        /** @description how many: at least 1 */
                        quantity?: number;
                        card_ids?: string[];
                        codes?: string[];
                        /** @description tracking parameters 追踪参数 (campaign, source_id…): up to 5, carried on the cards issued under this allocation and their card.issued events */
                        params?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "grant" | "revoke" | "transfer";
                            batch_id: string;
                            /** @description null: the brand */
                            from_channel_id: string | null;
                            /** @description null: the brand (taken back from a top-level channel) */
                            to_channel_id: string | null;
                            quantity: number;
                            /** @description pre-generated codes of a pool batch (the codes move), or issue quota of an on-issue batch */
                            codes: boolean;
                            params: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allocations/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take back what a channel holds unissued, to its parent (the brand for a top-level channel) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        batch_id: string;
                        channel_id: string;
                        /** @description how many: at least 1 */
                        quantity: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "grant" | "revoke" | "transfer";
                            batch_id: string;
                            /** @description null: the brand */
                            from_channel_id: string | null;
                            /** @description null: the brand (taken back from a top-level channel) */
                            to_channel_id: string | null;
                            quantity: number;
                            /** @description pre-generated codes of a pool batch (the codes move), or issue quota of an on-issue batch */
                            codes: boolean;
                            params: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allocations/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a holding from a channel to a sibling or to a channel below it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        batch_id: string;
                        from_channel_id: string;
                        to_channel_id: string;
                        /** @description how many: at least 1 */
                        quantity: number;
                        /** @description tracking parameters 追踪参数 (campaign, source_id…): up to 5, carried on the cards issued under this allocation and their card.issued events */
                        params?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "grant" | "revoke" | "transfer";
                            batch_id: string;
                            /** @description null: the brand */
                            from_channel_id: string | null;
                            /** @description null: the brand (taken back from a top-level channel) */
                            to_channel_id: string | null;
                            quantity: number;
                            /** @description pre-generated codes of a pool batch (the codes move), or issue quota of an on-issue batch */
                            codes: boolean;
                            params: {
                                [key: string]: string;
                            };
                            actor: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}/holdings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a channel holds, per batch: granted, passed on, issued, available */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                batch_id: string;
                                batch_name: string | null;
                                /** @description the batch’s template: what the cards are */
                                template_name: string | null;
                                /** @description given to it, less what was taken back */
                                granted: number;
                                /** @description passed on to channels below or beside it, less what came back */
                                allocated: number;
                                /** @description cards issued out of it */
                                issued: number;
                                /** @description held now: granted − allocated − issued */
                                available: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel’s allocation history, newest first (given to it, passed on, taken back) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    batch_id?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                kind: "grant" | "revoke" | "transfer";
                                batch_id: string;
                                /** @description null: the brand */
                                from_channel_id: string | null;
                                /** @description null: the brand (taken back from a top-level channel) */
                                to_channel_id: string | null;
                                quantity: number;
                                /** @description pre-generated codes of a pool batch (the codes move), or issue quota of an on-issue batch */
                                codes: boolean;
                                params: {
                                    [key: string]: string;
                                };
                                actor: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suppliers with their health */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                /** @description generic: docs/suppliers.md · fulu: 福禄开放平台 */
                                protocol: "generic" | "fulu";
                                base_url: string;
                                /** @description generic: merchant id · fulu: app_key (the secret is never shown) */
                                app_key: string;
                                status: "active" | "disabled";
                                timeout_ms: number;
                                /** @description consecutive failures that open the circuit 熔断 */
                                failure_threshold: number;
                                /** @description how long an open circuit keeps new orders away */
                                open_ms: number;
                                /** @description give this to the supplier: where it sends results */
                                callback_url: string;
                                health: {
                                    circuit: "closed" | "open";
                                    /** Format: date-time */
                                    circuit_open_until: string | null;
                                    consecutive_failures: number;
                                    successes: number;
                                    failures: number;
                                    /** Format: date-time */
                                    last_success_at: string | null;
                                    /** Format: date-time */
                                    last_failure_at: string | null;
                                    last_error: string | null;
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Add a supplier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description generic: docs/suppliers.md · fulu: 福禄开放平台 */
                        protocol: "generic" | "fulu";
                        base_url: string;
                        app_key: string;
                        secret: string;
                        timeout_ms?: number;
                        failure_threshold?: number;
                        open_ms?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description generic: docs/suppliers.md · fulu: 福禄开放平台 */
                            protocol: "generic" | "fulu";
                            base_url: string;
                            /** @description generic: merchant id · fulu: app_key (the secret is never shown) */
                            app_key: string;
                            status: "active" | "disabled";
                            timeout_ms: number;
                            /** @description consecutive failures that open the circuit 熔断 */
                            failure_threshold: number;
                            /** @description how long an open circuit keeps new orders away */
                            open_ms: number;
                            /** @description give this to the supplier: where it sends results */
                            callback_url: string;
                            health: {
                                circuit: "closed" | "open";
                                /** Format: date-time */
                                circuit_open_until: string | null;
                                consecutive_failures: number;
                                successes: number;
                                failures: number;
                                /** Format: date-time */
                                last_success_at: string | null;
                                /** Format: date-time */
                                last_failure_at: string | null;
                                last_error: string | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description generic: docs/suppliers.md · fulu: 福禄开放平台 */
                            protocol: "generic" | "fulu";
                            base_url: string;
                            /** @description generic: merchant id · fulu: app_key (the secret is never shown) */
                            app_key: string;
                            status: "active" | "disabled";
                            timeout_ms: number;
                            /** @description consecutive failures that open the circuit 熔断 */
                            failure_threshold: number;
                            /** @description how long an open circuit keeps new orders away */
                            open_ms: number;
                            /** @description give this to the supplier: where it sends results */
                            callback_url: string;
                            health: {
                                circuit: "closed" | "open";
                                /** Format: date-time */
                                circuit_open_until: string | null;
                                consecutive_failures: number;
                                successes: number;
                                failures: number;
                                /** Format: date-time */
                                last_success_at: string | null;
                                /** Format: date-time */
                                last_failure_at: string | null;
                                last_error: string | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a supplier (a new secret replaces the old; disabled: no new orders go to it) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        base_url?: string;
                        app_key?: string;
                        secret?: string;
                        status?: "active" | "disabled";
                        timeout_ms?: number;
                        failure_threshold?: number;
                        open_ms?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @description generic: docs/suppliers.md · fulu: 福禄开放平台 */
                            protocol: "generic" | "fulu";
                            base_url: string;
                            /** @description generic: merchant id · fulu: app_key (the secret is never shown) */
                            app_key: string;
                            status: "active" | "disabled";
                            timeout_ms: number;
                            /** @description consecutive failures that open the circuit 熔断 */
                            failure_threshold: number;
                            /** @description how long an open circuit keeps new orders away */
                            open_ms: number;
                            /** @description give this to the supplier: where it sends results */
                            callback_url: string;
                            health: {
                                circuit: "closed" | "open";
                                /** Format: date-time */
                                circuit_open_until: string | null;
                                consecutive_failures: number;
                                successes: number;
                                failures: number;
                                /** Format: date-time */
                                last_success_at: string | null;
                                /** Format: date-time */
                                last_failure_at: string | null;
                                last_error: string | null;
                            };
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/suppliers/{id}/skus/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map our SKU to this supplier’s product, with priority and cost (again: change it) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description card 卡密 · direct 直充 */
                        kind: "card" | "direct";
                        product_id: string;
                        priority?: number;
                        cost_fen: number;
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            supplier_id: string;
                            sku: string;
                            /** @description card 卡密 · direct 直充 */
                            kind: "card" | "direct";
                            product_id: string;
                            /** @description 1 is tried first */
                            priority: number;
                            cost_fen: number;
                            status: "active" | "disabled";
                            synced_stock: number | null;
                            synced_price_fen: number | null;
                            /** Format: date-time */
                            synced_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-skus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SKU mappings, by SKU and priority, with the last synced stock and price */
        get: {
            parameters: {
                query?: {
                    sku?: string;
                    supplier_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                supplier_id: string;
                                sku: string;
                                /** @description card 卡密 · direct 直充 */
                                kind: "card" | "direct";
                                product_id: string;
                                /** @description 1 is tried first */
                                priority: number;
                                cost_fen: number;
                                status: "active" | "disabled";
                                synced_stock: number | null;
                                synced_price_fen: number | null;
                                /** Format: date-time */
                                synced_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync stock and price from this supplier now (a job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            queued: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent supplier orders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                /** @description card 卡密 · direct 直充 */
                                kind: "card" | "direct";
                                sku: string;
                                quantity: number;
                                batch_id: string | null;
                                account: string | null;
                                state: "working" | "succeeded" | "failed";
                                reason: string | null;
                                codes_received: number;
                                codes_imported: number;
                                import_id: string | null;
                                created_by: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                finished_at: string | null;
                                attempts?: {
                                    id: string;
                                    attempt: number;
                                    supplier_id: string;
                                    product_id: string;
                                    /** @description our order number at the supplier, one per attempt */
                                    outbound_no: string;
                                    state: "pending" | "succeeded" | "failed" | "unknown";
                                    supplier_order_id: string | null;
                                    codes_count: number;
                                    cost_fen: number;
                                    error: string | null;
                                    /** @description the supplier reported success after confirming failure: check with it (never applied) */
                                    late_success: boolean;
                                    /** Format: date-time */
                                    sent_at: string | null;
                                    checks: number;
                                    /** Format: date-time */
                                    created_at: string;
                                    /** Format: date-time */
                                    finished_at: string | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Buy codes into an imported batch (kind card) or top up an account (kind direct) from the SKU’s suppliers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description card 卡密 · direct 直充 */
                        kind: "card" | "direct";
                        sku: string;
                        quantity?: number;
                        batch_id?: string;
                        account?: string;
                        request_no?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description card 卡密 · direct 直充 */
                            kind: "card" | "direct";
                            sku: string;
                            quantity: number;
                            batch_id: string | null;
                            account: string | null;
                            state: "working" | "succeeded" | "failed";
                            reason: string | null;
                            codes_received: number;
                            codes_imported: number;
                            import_id: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                            attempts?: {
                                id: string;
                                attempt: number;
                                supplier_id: string;
                                product_id: string;
                                /** @description our order number at the supplier, one per attempt */
                                outbound_no: string;
                                state: "pending" | "succeeded" | "failed" | "unknown";
                                supplier_order_id: string | null;
                                codes_count: number;
                                cost_fen: number;
                                error: string | null;
                                /** @description the supplier reported success after confirming failure: check with it (never applied) */
                                late_success: boolean;
                                /** Format: date-time */
                                sent_at: string | null;
                                checks: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A supplier order with every attempt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description card 卡密 · direct 直充 */
                            kind: "card" | "direct";
                            sku: string;
                            quantity: number;
                            batch_id: string | null;
                            account: string | null;
                            state: "working" | "succeeded" | "failed";
                            reason: string | null;
                            codes_received: number;
                            codes_imported: number;
                            import_id: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            finished_at: string | null;
                            attempts?: {
                                id: string;
                                attempt: number;
                                supplier_id: string;
                                product_id: string;
                                /** @description our order number at the supplier, one per attempt */
                                outbound_no: string;
                                state: "pending" | "succeeded" | "failed" | "unknown";
                                supplier_order_id: string | null;
                                codes_count: number;
                                cost_fen: number;
                                error: string | null;
                                /** @description the supplier reported success after confirming failure: check with it (never applied) */
                                late_success: boolean;
                                /** Format: date-time */
                                sent_at: string | null;
                                checks: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statements, newest first (a partner: its subtree’s channel statements) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    party_type?: "channel" | "buyer";
                    party_id?: string;
                    state?: "draft" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                party_type: "channel" | "buyer";
                                party_id: string;
                                party_name: string;
                                /** Format: date-time */
                                period_from: string;
                                /** Format: date-time */
                                period_to: string;
                                state: "draft" | "closed";
                                price_level: string | null;
                                rate_bp: number;
                                basis: "sales" | "redeemed";
                                prices: {
                                    [key: string]: number | null;
                                };
                                lines: {
                                    /** @description allocated, sold, activated, redeemed, void, reversal, adjustment, commission; a buyer: order_paid, fulfilled, order_refund, adjustment, recharge, deduction, prepaid_refund, prepaid_other */
                                    kind: string;
                                    template_id: string | null;
                                    quantity: number;
                                    /** @description the price level’s wholesale price (fen); null: not valued per unit, or no price */
                                    unit_price: number | null;
                                    /** @description fen, signed: refunds, adjustments and commission are negative */
                                    amount: number;
                                    /** @description the template has no price at the party’s level: valued 0, the statement is flagged */
                                    no_price: boolean;
                                    /** @description an adjustment: the kind of line of an earlier period it corrects */
                                    adjusts: string | null;
                                }[];
                                /** @description fen for amounts, counts for quantities (docs/settlement.md) */
                                totals: {
                                    [key: string]: number;
                                };
                                flagged: boolean;
                                /** @description the names of the templates the lines name */
                                names: {
                                    [key: string]: string;
                                };
                                /** Format: date-time */
                                computed_at: string;
                                /** Format: date-time */
                                closed_at: string | null;
                                closed_by: string | null;
                                created_by: string;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Compute a party’s draft statement for a period (again: recompute it); from/to are local days (tenant’s time zone) or instants */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        party_type: "channel" | "buyer";
                        party_id: string;
                        /** @description YYYY-MM-DD (local midnight) or an ISO 8601 instant */
                        from: string;
                        /** @description exclusive: YYYY-MM-DD (local midnight) or an ISO 8601 instant */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            party_type: "channel" | "buyer";
                            party_id: string;
                            party_name: string;
                            /** Format: date-time */
                            period_from: string;
                            /** Format: date-time */
                            period_to: string;
                            state: "draft" | "closed";
                            price_level: string | null;
                            rate_bp: number;
                            basis: "sales" | "redeemed";
                            prices: {
                                [key: string]: number | null;
                            };
                            lines: {
                                /** @description allocated, sold, activated, redeemed, void, reversal, adjustment, commission; a buyer: order_paid, fulfilled, order_refund, adjustment, recharge, deduction, prepaid_refund, prepaid_other */
                                kind: string;
                                template_id: string | null;
                                quantity: number;
                                /** @description the price level’s wholesale price (fen); null: not valued per unit, or no price */
                                unit_price: number | null;
                                /** @description fen, signed: refunds, adjustments and commission are negative */
                                amount: number;
                                /** @description the template has no price at the party’s level: valued 0, the statement is flagged */
                                no_price: boolean;
                                /** @description an adjustment: the kind of line of an earlier period it corrects */
                                adjusts: string | null;
                            }[];
                            /** @description fen for amounts, counts for quantities (docs/settlement.md) */
                            totals: {
                                [key: string]: number;
                            };
                            flagged: boolean;
                            /** @description the names of the templates the lines name */
                            names: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            computed_at: string;
                            /** Format: date-time */
                            closed_at: string | null;
                            closed_by: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A statement with its lines and totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            party_type: "channel" | "buyer";
                            party_id: string;
                            party_name: string;
                            /** Format: date-time */
                            period_from: string;
                            /** Format: date-time */
                            period_to: string;
                            state: "draft" | "closed";
                            price_level: string | null;
                            rate_bp: number;
                            basis: "sales" | "redeemed";
                            prices: {
                                [key: string]: number | null;
                            };
                            lines: {
                                /** @description allocated, sold, activated, redeemed, void, reversal, adjustment, commission; a buyer: order_paid, fulfilled, order_refund, adjustment, recharge, deduction, prepaid_refund, prepaid_other */
                                kind: string;
                                template_id: string | null;
                                quantity: number;
                                /** @description the price level’s wholesale price (fen); null: not valued per unit, or no price */
                                unit_price: number | null;
                                /** @description fen, signed: refunds, adjustments and commission are negative */
                                amount: number;
                                /** @description the template has no price at the party’s level: valued 0, the statement is flagged */
                                no_price: boolean;
                                /** @description an adjustment: the kind of line of an earlier period it corrects */
                                adjusts: string | null;
                            }[];
                            /** @description fen for amounts, counts for quantities (docs/settlement.md) */
                            totals: {
                                [key: string]: number;
                            };
                            flagged: boolean;
                            /** @description the names of the templates the lines name */
                            names: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            computed_at: string;
                            /** Format: date-time */
                            closed_at: string | null;
                            closed_by: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结账 Close a draft: recompute and freeze it (closing twice is once; only after its period has ended) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            party_type: "channel" | "buyer";
                            party_id: string;
                            party_name: string;
                            /** Format: date-time */
                            period_from: string;
                            /** Format: date-time */
                            period_to: string;
                            state: "draft" | "closed";
                            price_level: string | null;
                            rate_bp: number;
                            basis: "sales" | "redeemed";
                            prices: {
                                [key: string]: number | null;
                            };
                            lines: {
                                /** @description allocated, sold, activated, redeemed, void, reversal, adjustment, commission; a buyer: order_paid, fulfilled, order_refund, adjustment, recharge, deduction, prepaid_refund, prepaid_other */
                                kind: string;
                                template_id: string | null;
                                quantity: number;
                                /** @description the price level’s wholesale price (fen); null: not valued per unit, or no price */
                                unit_price: number | null;
                                /** @description fen, signed: refunds, adjustments and commission are negative */
                                amount: number;
                                /** @description the template has no price at the party’s level: valued 0, the statement is flagged */
                                no_price: boolean;
                                /** @description an adjustment: the kind of line of an earlier period it corrects */
                                adjusts: string | null;
                            }[];
                            /** @description fen for amounts, counts for quantities (docs/settlement.md) */
                            totals: {
                                [key: string]: number;
                            };
                            flagged: boolean;
                            /** @description the names of the templates the lines name */
                            names: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            computed_at: string;
                            /** Format: date-time */
                            closed_at: string | null;
                            closed_by: string | null;
                            created_by: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statements/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A statement as a file: CSV (UTF-8 with BOM) or XLSX; names, yuan with 2 decimals, Chinese headers */
        get: {
            parameters: {
                query: {
                    format: "csv" | "xlsx";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["def-0"];
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settlement-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commission rates 佣金费率 per price level */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                price_level: string;
                                rate_bp: number;
                                basis: "sales" | "redeemed";
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settlement-rates/{price_level}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a price level’s commission rate: basis points (100 = 1 %) on net sales or on net redeemed value */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    price_level: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rate_bp: number;
                        basis: "sales" | "redeemed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            price_level: string;
                            rate_bp: number;
                            basis: "sales" | "redeemed";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Benefit packs, newest first, with their items or prizes (published odds, stock left, odds now) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    status?: "draft" | "live" | "retired";
                    kind?: "fixed" | "random";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                description: string | null;
                                kind: "fixed" | "random";
                                status: "draft" | "live" | "retired";
                                version: number;
                                /** @description the version this one replaces */
                                previous_id: string | null;
                                /** @description the version that replaced this one (a grant of this pack grants that one) */
                                replaced_by: string | null;
                                guarantee_after: number | null;
                                /** @description a fixed pack’s cards */
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                                prizes: {
                                    id: string;
                                    name: string;
                                    /** @description published odds, basis points */
                                    odds_bp: number;
                                    stock: number | null;
                                    taken: number;
                                    /** @description stock left; null: unlimited */
                                    remaining: number | null;
                                    top: boolean;
                                    /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                    odds_now_bp: number;
                                    items: {
                                        template_id: string;
                                        template_name: string | null;
                                        quantity: number;
                                    }[];
                                }[];
                                sold_out: boolean;
                                granted: number;
                                odds_note: {
                                    zh: string;
                                    en: string;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** Format: date-time */
                                published_at: string | null;
                                /** Format: date-time */
                                retired_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Make a pack (a draft): fixed items, or random prizes with odds (basis points adding up to 10,000), stock and a guarantee */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        kind: "fixed" | "random";
                        description?: string | null;
                        items?: {
                            template_id: string;
                            /** @description cards of this template */
                            quantity: number;
                        }[];
                        prizes?: {
                            name: string;
                            /** @description published odds in basis points 万分点: the prizes’ odds add up to 10,000 */
                            odds_bp: number;
                            /** @description how many of this prize can be drawn; null: unlimited */
                            stock: number | null;
                            /** @description a top prize 大奖: what the guarantee gives */
                            top?: boolean;
                            items: {
                                template_id: string;
                                /** @description cards of this template */
                                quantity: number;
                            }[];
                        }[];
                        /** @description 保底: after this many draws by a member without a top prize, their next draw is among the top prizes */
                        guarantee_after?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pack: its items or prizes with published odds, stock left and odds now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft; a published pack takes only a new name or description (its contents and odds are fixed: make a new version) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        kind?: "fixed" | "random";
                        description?: string | null;
                        items?: {
                            template_id: string;
                            /** @description cards of this template */
                            quantity: number;
                        }[];
                        prizes?: {
                            name: string;
                            /** @description published odds in basis points 万分点: the prizes’ odds add up to 10,000 */
                            odds_bp: number;
                            /** @description how many of this prize can be drawn; null: unlimited */
                            stock: number | null;
                            /** @description a top prize 大奖: what the guarantee gives */
                            top?: boolean;
                            items: {
                                template_id: string;
                                /** @description cards of this template */
                                quantity: number;
                            }[];
                        }[];
                        /** @description 保底: after this many draws by a member without a top prize, their next draw is among the top prizes */
                        guarantee_after?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/packs/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft: it goes live, its contents and odds are fixed; the version it replaces is retired */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a live pack: it is granted no more */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new version of a published pack: a draft copying it with the changes given; publishing it retires this one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        kind?: "fixed" | "random";
                        description?: string | null;
                        items?: {
                            template_id: string;
                            /** @description cards of this template */
                            quantity: number;
                        }[];
                        prizes?: {
                            name: string;
                            /** @description published odds in basis points 万分点: the prizes’ odds add up to 10,000 */
                            odds_bp: number;
                            /** @description how many of this prize can be drawn; null: unlimited */
                            stock: number | null;
                            /** @description a top prize 大奖: what the guarantee gives */
                            top?: boolean;
                            items: {
                                template_id: string;
                                /** @description cards of this template */
                                quantity: number;
                            }[];
                        }[];
                        /** @description 保底: after this many draws by a member without a top prize, their next draw is among the top prizes */
                        guarantee_after?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string | null;
                            kind: "fixed" | "random";
                            status: "draft" | "live" | "retired";
                            version: number;
                            /** @description the version this one replaces */
                            previous_id: string | null;
                            /** @description the version that replaced this one (a grant of this pack grants that one) */
                            replaced_by: string | null;
                            guarantee_after: number | null;
                            /** @description a fixed pack’s cards */
                            items: {
                                template_id: string;
                                template_name: string | null;
                                quantity: number;
                            }[];
                            prizes: {
                                id: string;
                                name: string;
                                /** @description published odds, basis points */
                                odds_bp: number;
                                stock: number | null;
                                taken: number;
                                /** @description stock left; null: unlimited */
                                remaining: number | null;
                                top: boolean;
                                /** @description the odds it is drawn with now: its published odds over the odds of the prizes still in stock */
                                odds_now_bp: number;
                                items: {
                                    template_id: string;
                                    template_name: string | null;
                                    quantity: number;
                                }[];
                            }[];
                            sold_out: boolean;
                            granted: number;
                            odds_note: {
                                zh: string;
                                en: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** Format: date-time */
                            published_at: string | null;
                            /** Format: date-time */
                            retired_at: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs/{id}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a live pack to a member: its cards are issued to them (a random pack draws its prize first). The same reference never grants twice. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        member_id: string;
                        /** @description your reference for this grant: a second grant with it answers the first */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            pack_id: string;
                            member_id: string;
                            /** @description manual, tier, mall or rule */
                            source: string;
                            reference: string;
                            cards: {
                                id: string;
                                template_id: string;
                                batch_id: string;
                            }[];
                            prize: {
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pack-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants of packs, newest first (of a pack, of a member), with their cards and prize */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                    pack_id?: string;
                    member_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                pack_id: string;
                                member_id: string;
                                /** @description manual, tier, mall or rule */
                                source: string;
                                reference: string;
                                cards: {
                                    id: string;
                                    template_id: string;
                                    batch_id: string;
                                }[];
                                prize: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            /** @description names of the ids in the page */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packs/{id}/draws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draws of a random pack, newest first: the random source (value and range drawn), the prizes drawn among, the outcome */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                grant_id: string;
                                member_id: string;
                                prize_id: string;
                                prize_name: string;
                                /** @description the random source: crypto.randomInt */
                                source: string;
                                /** @description the value drawn, 0 ≤ value < range */
                                value: number;
                                /** @description the odds of the prizes drawn among, summed (basis points) */
                                range: number;
                                /** @description the prizes in stock drawn among, in order */
                                candidates: {
                                    prize_id: string;
                                    odds_bp: number;
                                }[];
                                /** @description drawn among the top prizes by the guarantee */
                                guaranteed: boolean;
                                /** @description more than 1: a prize sold out under this draw and it was drawn again over what was left */
                                attempts: number;
                                top: boolean;
                                /** @description the member’s draws of this pack without a top prize in a row, this one included */
                                streak: number;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            /** @description names of the ids in the page */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The packs granted to me, newest first, with their cards and prize */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description next_cursor of the previous page, with the same sort and filters */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                pack_id: string;
                                member_id: string;
                                /** @description manual, tier, mall or rule */
                                source: string;
                                reference: string;
                                cards: {
                                    id: string;
                                    template_id: string;
                                    batch_id: string;
                                }[];
                                prize: {
                                    id: string;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            /** @description names of the ids in the page */
                            names: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tier ladder (lowest first), the downgrade policy and the tier benefits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                /** @description 0 the lowest */
                                rank: number;
                                /** @description growth 成长值 needed */
                                threshold: number;
                            }[];
                            settings: {
                                /** @description how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier) */
                                policy: "never" | "period" | "refund";
                                /** @description policy period: the qualifying period, in calendar months from 1 January (tenant’s zone) */
                                period_months: 1 | 3 | 6 | 12;
                                /** @description a decided downgrade takes effect this many days later (0: at once) */
                                grace_days: number;
                            };
                            benefits: {
                                id: string;
                                tier_id: string;
                                pack_id: string;
                                pack_name: string | null;
                                /** @description granted on this day of each month, local midnight */
                                day_of_month: number;
                                active: boolean;
                                /** Format: date-time */
                                created_at: string;
                                last_run: {
                                    period: string;
                                    granted: number;
                                    done: boolean;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Replace the ladder: tiers lowest first, thresholds strictly increasing; a tier with its id keeps its members, one left out is removed (if unused) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tiers: {
                            id?: string;
                            name: string;
                            threshold: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: string;
                                name: string;
                                /** @description 0 the lowest */
                                rank: number;
                                /** @description growth 成长值 needed */
                                threshold: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tier-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** How tiers fall: the policy, the qualifying period and the grace period */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier) */
                        policy: "never" | "period" | "refund";
                        /** @description policy period: the qualifying period, in calendar months from 1 January (tenant’s zone) */
                        period_months: 1 | 3 | 6 | 12;
                        /** @description a decided downgrade takes effect this many days later (0: at once) */
                        grace_days: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier) */
                            policy: "never" | "period" | "refund";
                            /** @description policy period: the qualifying period, in calendar months from 1 January (tenant’s zone) */
                            period_months: 1 | 3 | 6 | 12;
                            /** @description a decided downgrade takes effect this many days later (0: at once) */
                            grace_days: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tier-benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A benefit of a tier: its pack granted to every member of the tier on a day of each month (never twice for one month) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tier_id: string;
                        pack_id: string;
                        /** @description 1–28, default 1 */
                        day_of_month?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            tier_id: string;
                            pack_id: string;
                            pack_name: string | null;
                            /** @description granted on this day of each month, local midnight */
                            day_of_month: number;
                            active: boolean;
                            /** Format: date-time */
                            created_at: string;
                            last_run: {
                                period: string;
                                granted: number;
                                done: boolean;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tier-benefits/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a tier benefit (months already granted stay granted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            active: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/{id}/tier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member’s tier, the growth that counts, what the next tier needs, grace and floor, and the tier history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member_id: string;
                            member_name: string | null;
                            tier: {
                                id: string;
                                name: string;
                                rank: number;
                                threshold: number;
                            } | null;
                            /** Format: date-time */
                            since: string | null;
                            /** @description how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier) */
                            policy: "never" | "period" | "refund";
                            /** @description the growth that counts now: the balance, or (policy period) what was earned in the current period */
                            growth: number;
                            counts: "balance" | "period";
                            period: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            } | null;
                            next: {
                                id: string;
                                name: string;
                                rank: number;
                                threshold: number;
                                needed: number;
                            } | null;
                            /** @description a downgrade pending: the member keeps the tier until `until` */
                            grace: {
                                /** Format: date-time */
                                until: string;
                                to: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                why: string;
                            } | null;
                            /** @description an operator’s manual tier: the member cannot fall below it before `until` */
                            floor: {
                                tier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                };
                                /** Format: date-time */
                                until: string;
                                /**
                                 * Format: date
                                 * @description the last day it holds, in the tenant’s zone
                                 */
                                through: string;
                                reason: string;
                                by: string | null;
                                by_name: string | null;
                            } | null;
                            history: {
                                id: number;
                                from: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                to: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                from_tier_id: string | null;
                                to_tier_id: string | null;
                                /** @description joined | growth | period | refund | manual | floor_ended */
                                why: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                actor: string | null;
                                actor_name: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Set a member’s tier by hand 手动调整等级: held at once and a floor until the end of `until` (a date in the tenant’s zone), then the normal rules apply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tier_id: string;
                        /**
                         * Format: date
                         * @description the last day of the floor (YYYY-MM-DD, the tenant’s zone)
                         */
                        until: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            tier_id: string;
                            /** Format: date-time */
                            floor_until: string;
                            reason: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/wallet/tier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My tier, my progress to the next, a pending downgrade or manual tier, and my tier history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            member_id: string;
                            member_name: string | null;
                            tier: {
                                id: string;
                                name: string;
                                rank: number;
                                threshold: number;
                            } | null;
                            /** Format: date-time */
                            since: string | null;
                            /** @description how tiers fall: never 不降级; period 周期考核 (at each qualifying period’s end, on the growth earned in it); refund 退款降级 (when a refund takes growth below the tier) */
                            policy: "never" | "period" | "refund";
                            /** @description the growth that counts now: the balance, or (policy period) what was earned in the current period */
                            growth: number;
                            counts: "balance" | "period";
                            period: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            } | null;
                            next: {
                                id: string;
                                name: string;
                                rank: number;
                                threshold: number;
                                needed: number;
                            } | null;
                            /** @description a downgrade pending: the member keeps the tier until `until` */
                            grace: {
                                /** Format: date-time */
                                until: string;
                                to: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                why: string;
                            } | null;
                            /** @description an operator’s manual tier: the member cannot fall below it before `until` */
                            floor: {
                                tier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                };
                                /** Format: date-time */
                                until: string;
                                /**
                                 * Format: date
                                 * @description the last day it holds, in the tenant’s zone
                                 */
                                through: string;
                                reason: string;
                                by: string | null;
                                by_name: string | null;
                            } | null;
                            history: {
                                id: number;
                                from: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                to: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                    threshold: number;
                                } | null;
                                from_tier_id: string | null;
                                to_tier_id: string | null;
                                /** @description joined | growth | period | refund | manual | floor_ended */
                                why: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                actor: string | null;
                                actor_name: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Problem */
        "def-0": {
            type: string;
            title: string;
            status: number;
            /** @description stable machine-readable code, e.g. CARD_ALREADY_REDEEMED */
            code: string;
            detail?: string;
            errors?: {
                field: string;
                reason: string;
                /** @description the schema rule that failed: required, unknown, enum, maxLength, minimum, type, format … */
                rule?: string;
                /** @description the bound of a length, size or range rule */
                limit?: number;
                /** @description the values an enum allows */
                allowed?: string[];
                /** @description the type or format expected */
                expected?: string;
            }[];
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
