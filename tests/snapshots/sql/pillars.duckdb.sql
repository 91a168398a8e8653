WITH "t17" AS (
  SELECT
    "t14"."from_id",
    "t14"."to_id",
    "t14"."linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t14"."from_id"
      ORDER BY "t14"."linked_at" ASC, "t14"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t9"."from_id",
      "t9"."to_id",
      MIN("t9"."at") AS "linked_at"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t0"."previous_id" AS "from_id",
            "t0"."user_id" AS "to_id",
            "t0"."timestamp" AS "at"
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            AND "t0"."type" = 'alias'
            AND "t0"."previous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t3"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t0"."anonymous_id" AS "from_id",
            "t0"."user_id" AS "to_id",
            "t0"."timestamp" AS "at"
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t2"
      ) AS "t7"
      WHERE
        "t7"."from_id" <> "t7"."to_id"
    ) AS "t9"
    GROUP BY
      1,
      2
  ) AS "t14"
), "t20" AS (
  SELECT
    "t18"."from_id",
    "t18"."to_id",
    "t18"."linked_at"
  FROM "t17" AS "t18"
  WHERE
    "t18"."rank" = 0
), "t51" AS (
  SELECT
    "t50"."user_id",
    "t50"."email",
    "t50"."email_domain",
    "t50"."first_seen",
    "t50"."last_seen",
    "t50"."signed_up",
    COALESCE(
      "t50"."group_account",
      "t33"."domain_account",
      CASE
        WHEN (
          "t50"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t50"."email_domain" IN (
            '10minutemail.com',
            '126.com',
            '163.com',
            'aim.com',
            'alice.it',
            'aliyun.com',
            'aol.com',
            'arcor.de',
            'att.net',
            'bellsouth.net',
            'bigpond.com',
            'bk.ru',
            'bol.com.br',
            'btinternet.com',
            'charter.net',
            'comcast.net',
            'cox.net',
            'daum.net',
            'dispostable.com',
            'duck.com',
            'earthlink.net',
            'email.com',
            'fastmail.com',
            'fastmail.fm',
            'foxmail.com',
            'free.fr',
            'freenet.de',
            'getnada.com',
            'gmail.com',
            'gmx.at',
            'gmx.ch',
            'gmx.com',
            'gmx.de',
            'gmx.net',
            'googlemail.com',
            'guerrillamail.com',
            'hanmail.net',
            'hey.com',
            'hotmail.co.uk',
            'hotmail.com',
            'hotmail.de',
            'hotmail.es',
            'hotmail.fr',
            'hotmail.it',
            'hushmail.com',
            'icloud.com',
            'inbox.ru',
            'interia.pl',
            'laposte.net',
            'libero.it',
            'list.ru',
            'live.co.uk',
            'live.com',
            'live.fr',
            'mac.com',
            'mail.com',
            'mail.ru',
            'mailbox.org',
            'mailfence.com',
            'mailinator.com',
            'me.com',
            'msn.com',
            'naver.com',
            'ntlworld.com',
            'o2.pl',
            'onet.pl',
            'optonline.net',
            'optusnet.com.au',
            'orange.fr',
            'outlook.com',
            'pm.me',
            'posteo.de',
            'proton.me',
            'protonmail.com',
            'qq.com',
            'rambler.ru',
            'rediffmail.com',
            'rocketmail.com',
            'rogers.com',
            'runbox.com',
            'sbcglobal.net',
            'seznam.cz',
            'sfr.fr',
            'sharklasers.com',
            'shaw.ca',
            'sina.com',
            'sky.com',
            'sohu.com',
            'sympatico.ca',
            't-online.de',
            'talktalk.net',
            'telus.net',
            'temp-mail.org',
            'terra.com.br',
            'tiscali.it',
            'trashmail.com',
            'tuta.io',
            'tutanota.com',
            'uol.com.br',
            'verizon.net',
            'virgilio.it',
            'virginmedia.com',
            'wanadoo.fr',
            'web.de',
            'windowslive.com',
            'wp.pl',
            'ya.ru',
            'yahoo.ca',
            'yahoo.co.in',
            'yahoo.co.jp',
            'yahoo.co.uk',
            'yahoo.com',
            'yahoo.com.au',
            'yahoo.com.br',
            'yahoo.de',
            'yahoo.es',
            'yahoo.fr',
            'yahoo.it',
            'yandex.com',
            'yandex.ru',
            'yeah.net',
            'ymail.com',
            'yopmail.com',
            'zoho.com',
            'zohomail.com'
          )
        )
        THEN 'domain:' || "t50"."email_domain"
        ELSE NULL
      END
    ) AS "account_id",
    CASE
      WHEN "t50"."group_account" IS NOT NULL
      THEN 'group'
      WHEN "t33"."domain_account" IS NOT NULL
      THEN 'domain'
      WHEN CASE
        WHEN (
          "t50"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t50"."email_domain" IN (
            '10minutemail.com',
            '126.com',
            '163.com',
            'aim.com',
            'alice.it',
            'aliyun.com',
            'aol.com',
            'arcor.de',
            'att.net',
            'bellsouth.net',
            'bigpond.com',
            'bk.ru',
            'bol.com.br',
            'btinternet.com',
            'charter.net',
            'comcast.net',
            'cox.net',
            'daum.net',
            'dispostable.com',
            'duck.com',
            'earthlink.net',
            'email.com',
            'fastmail.com',
            'fastmail.fm',
            'foxmail.com',
            'free.fr',
            'freenet.de',
            'getnada.com',
            'gmail.com',
            'gmx.at',
            'gmx.ch',
            'gmx.com',
            'gmx.de',
            'gmx.net',
            'googlemail.com',
            'guerrillamail.com',
            'hanmail.net',
            'hey.com',
            'hotmail.co.uk',
            'hotmail.com',
            'hotmail.de',
            'hotmail.es',
            'hotmail.fr',
            'hotmail.it',
            'hushmail.com',
            'icloud.com',
            'inbox.ru',
            'interia.pl',
            'laposte.net',
            'libero.it',
            'list.ru',
            'live.co.uk',
            'live.com',
            'live.fr',
            'mac.com',
            'mail.com',
            'mail.ru',
            'mailbox.org',
            'mailfence.com',
            'mailinator.com',
            'me.com',
            'msn.com',
            'naver.com',
            'ntlworld.com',
            'o2.pl',
            'onet.pl',
            'optonline.net',
            'optusnet.com.au',
            'orange.fr',
            'outlook.com',
            'pm.me',
            'posteo.de',
            'proton.me',
            'protonmail.com',
            'qq.com',
            'rambler.ru',
            'rediffmail.com',
            'rocketmail.com',
            'rogers.com',
            'runbox.com',
            'sbcglobal.net',
            'seznam.cz',
            'sfr.fr',
            'sharklasers.com',
            'shaw.ca',
            'sina.com',
            'sky.com',
            'sohu.com',
            'sympatico.ca',
            't-online.de',
            'talktalk.net',
            'telus.net',
            'temp-mail.org',
            'terra.com.br',
            'tiscali.it',
            'trashmail.com',
            'tuta.io',
            'tutanota.com',
            'uol.com.br',
            'verizon.net',
            'virgilio.it',
            'virginmedia.com',
            'wanadoo.fr',
            'web.de',
            'windowslive.com',
            'wp.pl',
            'ya.ru',
            'yahoo.ca',
            'yahoo.co.in',
            'yahoo.co.jp',
            'yahoo.co.uk',
            'yahoo.com',
            'yahoo.com.au',
            'yahoo.com.br',
            'yahoo.de',
            'yahoo.es',
            'yahoo.fr',
            'yahoo.it',
            'yandex.com',
            'yandex.ru',
            'yeah.net',
            'ymail.com',
            'yopmail.com',
            'zoho.com',
            'zohomail.com'
          )
        )
        THEN 'domain:' || "t50"."email_domain"
        ELSE NULL
      END IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t47"."user_id",
      "t47"."first_seen",
      "t47"."last_seen",
      "t47"."group_account",
      "t47"."email",
      "t47"."signed_up",
      NULLIF(
        CASE
          WHEN (
            STRPOS(LOWER(TRIM("t47"."email", ' 	
')), '@') - 1
          ) >= 0
          THEN SUBSTRING(
            LOWER(TRIM("t47"."email", ' 	
')),
            CASE
              WHEN (
                (
                  STRPOS(LOWER(TRIM("t47"."email", ' 	
')), '@') - 1
                ) + 1 + 1
              ) >= 1
              THEN (
                STRPOS(LOWER(TRIM("t47"."email", ' 	
')), '@') - 1
              ) + 1 + 1
              ELSE (
                STRPOS(LOWER(TRIM("t47"."email", ' 	
')), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM("t47"."email", ' 	
')))
            END
          )
          ELSE NULL
        END,
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        COALESCE("t46"."l_person", "t46"."sender") AS "user_id",
        MIN("t46"."first") AS "first_seen",
        MAX("t46"."last") AS "last_seen",
        MIN("t46"."signed") AS "signed_up",
        ARG_MAX_NULL("t46"."grp", "t46"."grp_at") FILTER(WHERE
          "t46"."grp" IS NOT NULL) AS "group_account",
        ARG_MAX_NULL("t46"."mail", "t46"."mail_at") FILTER(WHERE
          "t46"."mail" IS NOT NULL) AS "email"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t13"."sender",
            "t13"."has_user",
            "t13"."first",
            "t13"."last",
            "t13"."signed",
            "t13"."grp",
            "t13"."grp_at",
            "t13"."mail",
            "t13"."mail_at",
            "t41"."l_from",
            "t41"."l_person"
          FROM (
            SELECT
              "t8"."sender",
              "t8"."has_user",
              MIN("t8"."timestamp") AS "first",
              MAX("t8"."timestamp") AS "last",
              MIN("t8"."timestamp") FILTER(WHERE
                "t8"."signs_up") AS "signed",
              ARG_MAX_NULL("t8"."group_id", "t8"."timestamp") FILTER(WHERE
                "t8"."group_id" IS NOT NULL) AS "grp",
              MAX("t8"."timestamp") FILTER(WHERE
                "t8"."group_id" IS NOT NULL) AS "grp_at",
              ARG_MAX_NULL("t8"."email", "t8"."timestamp") FILTER(WHERE
                "t8"."email" IS NOT NULL) AS "mail",
              MAX("t8"."timestamp") FILTER(WHERE
                "t8"."email" IS NOT NULL) AS "mail_at"
            FROM (
              SELECT
                COALESCE("t0"."user_id", "t0"."anonymous_id") AS "sender",
                "t0"."user_id" IS NOT NULL AS "has_user",
                "t0"."timestamp",
                (
                  "t0"."type" = 'track'
                ) AND (
                  "t0"."event" = 'Signed Up'
                ) AS "signs_up",
                "t0"."group_id",
                CASE
                  WHEN "t0"."type" <> 'group'
                  THEN CASE
                    WHEN JSON_TYPE("t0"."traits" -> '$.email') = 'VARCHAR'
                    THEN (
                      "t0"."traits" -> '$.email'
                    ) ->> '$'
                    ELSE NULL
                  END
                  ELSE NULL
                END AS "email"
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                AND COALESCE("t0"."user_id", "t0"."anonymous_id") IS NOT NULL
            ) AS "t8"
            GROUP BY
              1,
              2
          ) AS "t13"
          LEFT OUTER JOIN (
            SELECT
              "t37"."from_id" AS "l_from",
              "t37"."person_id" AS "l_person"
            FROM (
              SELECT
                "t35"."from_id",
                COALESCE("t28"."next_to", "t35"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t22"."from_id",
                  COALESCE("t29"."next_to", "t22"."person_id") AS "person_id"
                FROM (
                  SELECT
                    "t18"."from_id",
                    "t18"."to_id" AS "person_id"
                  FROM "t17" AS "t18"
                  WHERE
                    "t18"."rank" = 0
                ) AS "t22"
                LEFT OUTER JOIN (
                  SELECT
                    "t25"."from_id" AS "next_from",
                    "t25"."to_id" AS "next_to"
                  FROM "t20" AS "t25"
                ) AS "t29"
                  ON "t22"."person_id" = "t29"."next_from"
              ) AS "t35"
              LEFT OUTER JOIN (
                SELECT
                  "t24"."from_id" AS "next_from",
                  "t24"."to_id" AS "next_to"
                FROM "t20" AS "t24"
              ) AS "t28"
                ON "t35"."person_id" = "t28"."next_from"
            ) AS "t37"
          ) AS "t41"
            ON "t13"."sender" = "t41"."l_from"
        ) AS "t43"
        WHERE
          "t43"."has_user" OR (
            "t43"."l_person" IS NOT NULL
          )
      ) AS "t46"
      GROUP BY
        1
    ) AS "t47"
  ) AS "t50"
  LEFT OUTER JOIN (
    SELECT
      "t30"."domain",
      "t30"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t21"."group_id",
        "t21"."since",
        "t21"."domain",
        ROW_NUMBER() OVER (
          PARTITION BY "t21"."domain"
          ORDER BY "t21"."since" ASC, "t21"."group_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "rank"
      FROM (
        SELECT
          "t16"."group_id",
          "t16"."since",
          CASE WHEN "t16"."domain_at" IS NOT NULL THEN "t16"."domain" ELSE "t16"."website" END AS "domain"
        FROM (
          SELECT
            "t15"."group_id",
            MIN("t15"."timestamp") AS "since",
            MAX("t15"."timestamp") FILTER(WHERE
              "t15"."has_domain") AS "domain_at",
            ARG_MAX_NULL("t15"."domain", "t15"."timestamp") FILTER(WHERE
              "t15"."has_domain") AS "domain",
            ARG_MAX_NULL("t15"."website", "t15"."timestamp") FILTER(WHERE
              "t15"."has_website") AS "website"
          FROM (
            SELECT
              "t5"."group_id",
              "t5"."timestamp",
              "t5"."domain" IS NOT NULL AS "has_domain",
              "t5"."website" IS NOT NULL AS "has_website",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(TRIM("t5"."domain", ' 	
')), '^[a-z]+://', '', 'g'),
                    '^www\.',
                    '',
                    'g'
                  ),
                  '[/:?#].*$',
                  '',
                  'g'
                ),
                ''
              ) AS "domain",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(TRIM("t5"."website", ' 	
')), '^[a-z]+://', '', 'g'),
                    '^www\.',
                    '',
                    'g'
                  ),
                  '[/:?#].*$',
                  '',
                  'g'
                ),
                ''
              ) AS "website"
            FROM (
              SELECT
                "t0"."group_id",
                "t0"."timestamp",
                CASE
                  WHEN JSON_TYPE("t0"."traits" -> '$.domain') = 'VARCHAR'
                  THEN (
                    "t0"."traits" -> '$.domain'
                  ) ->> '$'
                  ELSE NULL
                END AS "domain",
                CASE
                  WHEN JSON_TYPE("t0"."traits" -> '$.website') = 'VARCHAR'
                  THEN (
                    "t0"."traits" -> '$.website'
                  ) ->> '$'
                  ELSE NULL
                END AS "website"
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            ) AS "t5"
          ) AS "t15"
          GROUP BY
            1
        ) AS "t16"
        WHERE
          CASE WHEN "t16"."domain_at" IS NOT NULL THEN "t16"."domain" ELSE "t16"."website" END IS NOT NULL
      ) AS "t21"
    ) AS "t30"
    WHERE
      "t30"."rank" = 0
  ) AS "t33"
    ON "t50"."email_domain" = "t33"."domain"
)
SELECT
  "t89"."entity_id",
  "t89"."account_id",
  "t89"."first_seen",
  "t89"."last_seen",
  "t89"."s__activated",
  "t89"."s__activated_within_7d",
  "t89"."s__core_feature_30d",
  "t89"."s__paywall_hits_30d",
  "t89"."s__enterprise_views_30d",
  "t89"."s__teammates_invited",
  "t89"."s__sessions_14d",
  "t89"."s__employees",
  "t89"."s__industry",
  "t89"."paying",
  "t89"."p__activation__0",
  "t89"."p__activation__1",
  "t89"."p__usage__0",
  "t89"."p__usage__1",
  "t89"."p__firmographic__0",
  "t89"."p__firmographic__1",
  "t89"."p__intent__0",
  "t89"."p__intent__1",
  "t89"."p__intent__2",
  "t89"."l__activation",
  "t89"."l__usage",
  "t89"."l__firmographic",
  "t89"."l__intent",
  "t89"."score",
  CASE
    WHEN "t89"."score" >= 70.0
    THEN 'hot'
    WHEN "t89"."score" >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0) AS "as_of"
FROM (
  SELECT
    "t87"."entity_id",
    "t87"."account_id",
    "t87"."first_seen",
    "t87"."last_seen",
    "t87"."s__activated",
    "t87"."s__activated_within_7d",
    "t87"."s__core_feature_30d",
    "t87"."s__paywall_hits_30d",
    "t87"."s__enterprise_views_30d",
    "t87"."s__teammates_invited",
    "t87"."s__sessions_14d",
    "t87"."s__employees",
    "t87"."s__industry",
    "t87"."paying",
    "t87"."p__activation__0",
    "t87"."p__activation__1",
    "t87"."p__usage__0",
    "t87"."p__usage__1",
    "t87"."p__firmographic__0",
    "t87"."p__firmographic__1",
    "t87"."p__intent__0",
    "t87"."p__intent__1",
    "t87"."p__intent__2",
    "t87"."l__activation",
    "t87"."l__usage",
    "t87"."l__firmographic",
    "t87"."l__intent",
    "t87"."l__activation" + "t87"."l__usage" + "t87"."l__firmographic" + "t87"."l__intent" AS "score"
  FROM (
    SELECT
      "t85"."entity_id",
      "t85"."account_id",
      "t85"."first_seen",
      "t85"."last_seen",
      "t85"."s__activated",
      "t85"."s__activated_within_7d",
      "t85"."s__core_feature_30d",
      "t85"."s__paywall_hits_30d",
      "t85"."s__enterprise_views_30d",
      "t85"."s__teammates_invited",
      "t85"."s__sessions_14d",
      "t85"."s__employees",
      "t85"."s__industry",
      "t85"."paying",
      "t85"."p__activation__0",
      "t85"."p__activation__1",
      "t85"."p__usage__0",
      "t85"."p__usage__1",
      "t85"."p__firmographic__0",
      "t85"."p__firmographic__1",
      "t85"."p__intent__0",
      "t85"."p__intent__1",
      "t85"."p__intent__2",
      LEAST("t85"."p__activation__0" + "t85"."p__activation__1", CAST(30 AS DOUBLE)) AS "l__activation",
      LEAST("t85"."p__usage__0" + "t85"."p__usage__1", CAST(30 AS DOUBLE)) AS "l__usage",
      LEAST("t85"."p__firmographic__0" + "t85"."p__firmographic__1", CAST(25 AS DOUBLE)) AS "l__firmographic",
      LEAST(
        "t85"."p__intent__0" + "t85"."p__intent__1" + "t85"."p__intent__2",
        CAST(30 AS DOUBLE)
      ) AS "l__intent"
    FROM (
      SELECT
        "t83"."entity_id",
        "t83"."account_id",
        "t83"."first_seen",
        "t83"."last_seen",
        "t83"."s__activated",
        "t83"."s__activated_within_7d",
        "t83"."s__core_feature_30d",
        "t83"."s__paywall_hits_30d",
        "t83"."s__enterprise_views_30d",
        "t83"."s__teammates_invited",
        "t83"."s__sessions_14d",
        "t83"."s__employees",
        "t83"."s__industry",
        "t83"."paying",
        CASE
          WHEN COALESCE("t83"."s__activated", FALSE)
          THEN CAST(20 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__activation__0",
        CASE
          WHEN COALESCE("t83"."s__activated_within_7d", FALSE)
          THEN CAST(10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__activation__1",
        COALESCE(
          CASE
            WHEN (
              "t83"."s__sessions_14d" >= 3.0
            ) AND (
              "t83"."s__sessions_14d" <= 6.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN "t83"."s__sessions_14d" >= 7.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS "p__usage__0",
        CASE
          WHEN COALESCE("t83"."s__core_feature_30d" >= 5.0, FALSE)
          THEN CAST(10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__usage__1",
        COALESCE(
          CASE
            WHEN (
              "t83"."s__employees" >= 50.0
            ) AND (
              "t83"."s__employees" <= 199.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN "t83"."s__employees" >= 200.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS "p__firmographic__0",
        CASE
          WHEN COALESCE("t83"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN CAST(5 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__firmographic__1",
        CASE
          WHEN COALESCE("t83"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__intent__0",
        CASE
          WHEN COALESCE("t83"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN CAST(15 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__intent__1",
        CASE
          WHEN COALESCE("t83"."s__teammates_invited" >= 2.0, FALSE)
          THEN CAST(10 AS DOUBLE)
          ELSE CAST(0 AS DOUBLE)
        END AS "p__intent__2"
      FROM (
        SELECT
          "t81"."entity_id",
          "t81"."account_id",
          "t81"."first_seen",
          "t81"."last_seen",
          "t81"."s__activated",
          "t81"."s__activated_within_7d",
          "t81"."s__core_feature_30d",
          "t81"."s__paywall_hits_30d",
          "t81"."s__enterprise_views_30d",
          "t81"."s__teammates_invited",
          "t81"."s__sessions_14d",
          "t81"."s__employees",
          "t81"."s__industry",
          "t81"."c__converted"
          OR (
            (
              "t81"."account_id" IS NOT NULL
            )
            AND BOOL_OR(CAST("t81"."c__converted" AS BOOLEAN)) OVER (
              PARTITION BY "t81"."account_id"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            )
          ) AS "paying"
        FROM (
          SELECT
            "t79"."entity_id",
            "t79"."account_id",
            "t79"."first_seen",
            "t79"."last_seen",
            "t79"."s__activated",
            "t79"."s__activated_within_7d",
            "t79"."s__core_feature_30d",
            "t79"."s__paywall_hits_30d",
            "t79"."s__enterprise_views_30d",
            "t79"."s__teammates_invited",
            "t79"."c__converted",
            "t79"."s__sessions_14d",
            "t11"."s__employees",
            "t11"."s__industry"
          FROM (
            SELECT
              "t76"."entity_id",
              "t76"."account_id",
              "t76"."first_seen",
              "t76"."last_seen",
              "t76"."s__activated",
              "t76"."s__activated_within_7d",
              "t76"."s__core_feature_30d",
              "t76"."s__paywall_hits_30d",
              "t76"."s__enterprise_views_30d",
              "t76"."s__teammates_invited",
              "t76"."c__converted",
              COALESCE("t70"."s__sessions_14d", 0) AS "s__sessions_14d"
            FROM (
              SELECT
                "t55"."entity_id",
                "t55"."account_id",
                "t55"."first_seen",
                "t55"."last_seen",
                COALESCE("t73"."s__activated", FALSE) AS "s__activated",
                COALESCE("t73"."s__activated_within_7d", FALSE) AS "s__activated_within_7d",
                COALESCE("t73"."s__core_feature_30d", 0) AS "s__core_feature_30d",
                COALESCE("t73"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
                COALESCE("t73"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
                COALESCE("t73"."s__teammates_invited", 0) AS "s__teammates_invited",
                COALESCE("t73"."c__converted", FALSE) AS "c__converted"
              FROM (
                SELECT
                  "t52"."user_id" AS "entity_id",
                  "t52"."account_id",
                  "t52"."first_seen",
                  "t52"."last_seen"
                FROM "t51" AS "t52"
              ) AS "t55"
              LEFT OUTER JOIN (
                SELECT
                  "t71"."entity_id" AS "key",
                  (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      ) AND "t71"."event" IN ('Project Created')) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      ) AND "t71"."event" IN ('Data Source Connected')) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      ) AND "t71"."event" IN ('Dashboard Created')) >= 1
                  ) AS "s__activated",
                  (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      )
                      AND "t71"."event" IN ('Project Created')
                      AND (
                        "t71"."timestamp" < (
                          "t71"."start" + INTERVAL '604800' SECOND
                        )
                      )) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      )
                      AND "t71"."event" IN ('Data Source Connected')
                      AND (
                        "t71"."timestamp" < (
                          "t71"."start" + INTERVAL '604800' SECOND
                        )
                      )) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t71"."type" = 'track'
                      )
                      AND "t71"."event" IN ('Dashboard Created')
                      AND (
                        "t71"."timestamp" < (
                          "t71"."start" + INTERVAL '604800' SECOND
                        )
                      )) >= 1
                  ) AS "s__activated_within_7d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t71"."type" = 'track'
                    )
                    AND "t71"."event" IN ('Report Created')
                    AND (
                      "t71"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 2, 0, 0, 0.0)
                    )) AS "s__core_feature_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t71"."type" = 'track'
                    )
                    AND "t71"."event" IN ('Paywall Hit')
                    AND (
                      "t71"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 2, 0, 0, 0.0)
                    )) AS "s__paywall_hits_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t71"."type" = 'track'
                    )
                    AND "t71"."event" IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      ARRAY_CONTAINS(
                        ['SSO', 'SCIM', 'Audit Log', 'Admin Settings'],
                        CASE
                          WHEN JSON_TYPE("t71"."properties" -> '$.feature') = 'VARCHAR'
                          THEN (
                            "t71"."properties" -> '$.feature'
                          ) ->> '$'
                          ELSE NULL
                        END
                      ),
                      FALSE
                    )
                    AND (
                      "t71"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 2, 0, 0, 0.0)
                    )) AS "s__enterprise_views_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t71"."type" = 'track'
                    ) AND "t71"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited",
                  COUNT(*) FILTER(WHERE
                    (
                      "t71"."type" = 'track'
                    ) AND "t71"."event" IN ('Subscription Started')) > 0 AS "c__converted"
                FROM (
                  SELECT
                    "t66"."message_id",
                    "t66"."type",
                    "t66"."event",
                    "t66"."name",
                    "t66"."user_id",
                    "t66"."anonymous_id",
                    "t66"."group_id",
                    "t66"."previous_id",
                    "t66"."timestamp",
                    "t66"."original_timestamp",
                    "t66"."sent_at",
                    "t66"."received_at",
                    "t66"."properties",
                    "t66"."traits",
                    "t66"."context",
                    "t66"."source",
                    "t66"."loaded_at",
                    "t66"."person_id",
                    "t66"."account_id",
                    "t66"."email_domain",
                    "t66"."entity_id",
                    "t58"."start"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t60"."message_id",
                        "t60"."type",
                        "t60"."event",
                        "t60"."name",
                        "t60"."user_id",
                        "t60"."anonymous_id",
                        "t60"."group_id",
                        "t60"."previous_id",
                        "t60"."timestamp",
                        "t60"."original_timestamp",
                        "t60"."sent_at",
                        "t60"."received_at",
                        CAST(NULL AS JSON) AS "properties",
                        "t60"."traits",
                        "t60"."context",
                        "t60"."source",
                        "t60"."loaded_at",
                        "t60"."person_id",
                        "t60"."account_id",
                        "t60"."email_domain",
                        "t60"."entity_id"
                      FROM (
                        SELECT
                          "t45"."message_id",
                          "t45"."type",
                          "t45"."event",
                          "t45"."name",
                          "t45"."user_id",
                          "t45"."anonymous_id",
                          "t45"."group_id",
                          "t45"."previous_id",
                          "t45"."timestamp",
                          "t45"."original_timestamp",
                          "t45"."sent_at",
                          "t45"."received_at",
                          "t45"."properties",
                          "t45"."traits",
                          "t45"."context",
                          "t45"."source",
                          "t45"."loaded_at",
                          "t45"."person_id",
                          "t56"."account_id",
                          "t56"."email_domain",
                          "t45"."person_id" AS "entity_id"
                        FROM (
                          SELECT
                            *
                          FROM (
                            SELECT
                              "t6"."message_id",
                              "t6"."type",
                              "t6"."event",
                              "t6"."name",
                              "t6"."user_id",
                              "t6"."anonymous_id",
                              "t6"."group_id",
                              "t6"."previous_id",
                              "t6"."timestamp",
                              "t6"."original_timestamp",
                              "t6"."sent_at",
                              "t6"."received_at",
                              "t6"."properties",
                              "t6"."traits",
                              "t6"."context",
                              "t6"."source",
                              "t6"."loaded_at",
                              COALESCE("t40"."s_person", "t6"."_sender") AS "person_id",
                              (
                                "t6"."user_id" IS NOT NULL
                              ) OR (
                                "t40"."s_person" IS NOT NULL
                              ) AS "is_known"
                            FROM (
                              SELECT
                                "t0"."message_id",
                                "t0"."type",
                                "t0"."event",
                                "t0"."name",
                                "t0"."user_id",
                                "t0"."anonymous_id",
                                "t0"."group_id",
                                "t0"."previous_id",
                                "t0"."timestamp",
                                "t0"."original_timestamp",
                                "t0"."sent_at",
                                "t0"."received_at",
                                "t0"."properties",
                                "t0"."traits",
                                "t0"."context",
                                "t0"."source",
                                "t0"."loaded_at",
                                COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                              FROM "events" AS "t0"
                              WHERE
                                "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                            ) AS "t6"
                            LEFT OUTER JOIN (
                              SELECT
                                "t37"."from_id" AS "s_from",
                                "t37"."person_id" AS "s_person"
                              FROM (
                                SELECT
                                  "t35"."from_id",
                                  COALESCE("t28"."next_to", "t35"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t22"."from_id",
                                    COALESCE("t29"."next_to", "t22"."person_id") AS "person_id"
                                  FROM (
                                    SELECT
                                      "t18"."from_id",
                                      "t18"."to_id" AS "person_id"
                                    FROM "t17" AS "t18"
                                    WHERE
                                      "t18"."rank" = 0
                                  ) AS "t22"
                                  LEFT OUTER JOIN (
                                    SELECT
                                      "t25"."from_id" AS "next_from",
                                      "t25"."to_id" AS "next_to"
                                    FROM "t20" AS "t25"
                                  ) AS "t29"
                                    ON "t22"."person_id" = "t29"."next_from"
                                ) AS "t35"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t24"."from_id" AS "next_from",
                                    "t24"."to_id" AS "next_to"
                                  FROM "t20" AS "t24"
                                ) AS "t28"
                                  ON "t35"."person_id" = "t28"."next_from"
                              ) AS "t37"
                            ) AS "t40"
                              ON "t6"."_sender" = "t40"."s_from"
                          ) AS "t42"
                          WHERE
                            "t42"."is_known"
                        ) AS "t45"
                        LEFT OUTER JOIN (
                          SELECT
                            "t52"."user_id" AS "m_user",
                            "t52"."account_id",
                            "t52"."email_domain"
                          FROM "t51" AS "t52"
                        ) AS "t56"
                          ON "t45"."person_id" = "t56"."m_user"
                      ) AS "t60"
                      WHERE
                        (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Project Created')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Data Source Connected')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Dashboard Created')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Project Created')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Data Source Connected')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Dashboard Created')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Invite Sent')
                        )
                        OR (
                          (
                            "t60"."type" = 'track'
                          ) AND "t60"."event" IN ('Subscription Started')
                        )
                    ) AS "t62"
                    UNION ALL
                    SELECT
                      *
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t45"."message_id",
                          "t45"."type",
                          "t45"."event",
                          "t45"."name",
                          "t45"."user_id",
                          "t45"."anonymous_id",
                          "t45"."group_id",
                          "t45"."previous_id",
                          "t45"."timestamp",
                          "t45"."original_timestamp",
                          "t45"."sent_at",
                          "t45"."received_at",
                          "t45"."properties",
                          "t45"."traits",
                          "t45"."context",
                          "t45"."source",
                          "t45"."loaded_at",
                          "t45"."person_id",
                          "t56"."account_id",
                          "t56"."email_domain",
                          "t45"."person_id" AS "entity_id"
                        FROM (
                          SELECT
                            *
                          FROM (
                            SELECT
                              "t6"."message_id",
                              "t6"."type",
                              "t6"."event",
                              "t6"."name",
                              "t6"."user_id",
                              "t6"."anonymous_id",
                              "t6"."group_id",
                              "t6"."previous_id",
                              "t6"."timestamp",
                              "t6"."original_timestamp",
                              "t6"."sent_at",
                              "t6"."received_at",
                              "t6"."properties",
                              "t6"."traits",
                              "t6"."context",
                              "t6"."source",
                              "t6"."loaded_at",
                              COALESCE("t40"."s_person", "t6"."_sender") AS "person_id",
                              (
                                "t6"."user_id" IS NOT NULL
                              ) OR (
                                "t40"."s_person" IS NOT NULL
                              ) AS "is_known"
                            FROM (
                              SELECT
                                "t0"."message_id",
                                "t0"."type",
                                "t0"."event",
                                "t0"."name",
                                "t0"."user_id",
                                "t0"."anonymous_id",
                                "t0"."group_id",
                                "t0"."previous_id",
                                "t0"."timestamp",
                                "t0"."original_timestamp",
                                "t0"."sent_at",
                                "t0"."received_at",
                                "t0"."properties",
                                "t0"."traits",
                                "t0"."context",
                                "t0"."source",
                                "t0"."loaded_at",
                                COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                              FROM "events" AS "t0"
                              WHERE
                                "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                            ) AS "t6"
                            LEFT OUTER JOIN (
                              SELECT
                                "t37"."from_id" AS "s_from",
                                "t37"."person_id" AS "s_person"
                              FROM (
                                SELECT
                                  "t35"."from_id",
                                  COALESCE("t28"."next_to", "t35"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t22"."from_id",
                                    COALESCE("t29"."next_to", "t22"."person_id") AS "person_id"
                                  FROM (
                                    SELECT
                                      "t18"."from_id",
                                      "t18"."to_id" AS "person_id"
                                    FROM "t17" AS "t18"
                                    WHERE
                                      "t18"."rank" = 0
                                  ) AS "t22"
                                  LEFT OUTER JOIN (
                                    SELECT
                                      "t25"."from_id" AS "next_from",
                                      "t25"."to_id" AS "next_to"
                                    FROM "t20" AS "t25"
                                  ) AS "t29"
                                    ON "t22"."person_id" = "t29"."next_from"
                                ) AS "t35"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t24"."from_id" AS "next_from",
                                    "t24"."to_id" AS "next_to"
                                  FROM "t20" AS "t24"
                                ) AS "t28"
                                  ON "t35"."person_id" = "t28"."next_from"
                              ) AS "t37"
                            ) AS "t40"
                              ON "t6"."_sender" = "t40"."s_from"
                          ) AS "t42"
                          WHERE
                            "t42"."is_known"
                        ) AS "t45"
                        LEFT OUTER JOIN (
                          SELECT
                            "t52"."user_id" AS "m_user",
                            "t52"."account_id",
                            "t52"."email_domain"
                          FROM "t51" AS "t52"
                        ) AS "t56"
                          ON "t45"."person_id" = "t56"."m_user"
                      ) AS "t60"
                      WHERE
                        (
                          (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Report Created')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Paywall Hit')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Enterprise Feature Viewed')
                          )
                        )
                        AND NOT (
                          (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Project Created')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Data Source Connected')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Dashboard Created')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Project Created')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Data Source Connected')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Dashboard Created')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Invite Sent')
                          )
                          OR (
                            (
                              "t60"."type" = 'track'
                            ) AND "t60"."event" IN ('Subscription Started')
                          )
                        )
                        AND "t60"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 2, 0, 0, 0.0)
                    ) AS "t63"
                  ) AS "t66"
                  LEFT OUTER JOIN (
                    SELECT
                      "t52"."user_id" AS "st_key",
                      COALESCE("t52"."signed_up", "t52"."first_seen") AS "start"
                    FROM "t51" AS "t52"
                  ) AS "t58"
                    ON "t66"."entity_id" = "t58"."st_key"
                ) AS "t71"
                GROUP BY
                  1
              ) AS "t73"
                ON "t55"."entity_id" = "t73"."key"
            ) AS "t76"
            LEFT OUTER JOIN (
              SELECT
                "t67"."key",
                "t67"."value" AS "s__sessions_14d"
              FROM (
                SELECT
                  "t64"."key",
                  SUM("t64"."new") AS "value"
                FROM (
                  SELECT
                    "t61"."entity_id" AS "key",
                    CASE
                      WHEN (
                        LAG("t61"."timestamp") OVER (
                          PARTITION BY "t61"."entity_id"
                          ORDER BY "t61"."timestamp" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) IS NULL
                      )
                      OR (
                        (
                          EPOCH(CAST("t61"."timestamp" AS TIMESTAMP)) - EPOCH(
                            CAST(LAG("t61"."timestamp") OVER (
                              PARTITION BY "t61"."entity_id"
                              ORDER BY "t61"."timestamp" ASC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                            ) AS TIMESTAMP)
                          )
                        ) > 1800.0
                      )
                      THEN 1
                      ELSE 0
                    END AS "new"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t45"."message_id",
                        "t45"."type",
                        "t45"."event",
                        "t45"."name",
                        "t45"."user_id",
                        "t45"."anonymous_id",
                        "t45"."group_id",
                        "t45"."previous_id",
                        "t45"."timestamp",
                        "t45"."original_timestamp",
                        "t45"."sent_at",
                        "t45"."received_at",
                        "t45"."properties",
                        "t45"."traits",
                        "t45"."context",
                        "t45"."source",
                        "t45"."loaded_at",
                        "t45"."person_id",
                        "t56"."account_id",
                        "t56"."email_domain",
                        "t45"."person_id" AS "entity_id"
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t6"."message_id",
                            "t6"."type",
                            "t6"."event",
                            "t6"."name",
                            "t6"."user_id",
                            "t6"."anonymous_id",
                            "t6"."group_id",
                            "t6"."previous_id",
                            "t6"."timestamp",
                            "t6"."original_timestamp",
                            "t6"."sent_at",
                            "t6"."received_at",
                            "t6"."properties",
                            "t6"."traits",
                            "t6"."context",
                            "t6"."source",
                            "t6"."loaded_at",
                            COALESCE("t40"."s_person", "t6"."_sender") AS "person_id",
                            (
                              "t6"."user_id" IS NOT NULL
                            ) OR (
                              "t40"."s_person" IS NOT NULL
                            ) AS "is_known"
                          FROM (
                            SELECT
                              "t0"."message_id",
                              "t0"."type",
                              "t0"."event",
                              "t0"."name",
                              "t0"."user_id",
                              "t0"."anonymous_id",
                              "t0"."group_id",
                              "t0"."previous_id",
                              "t0"."timestamp",
                              "t0"."original_timestamp",
                              "t0"."sent_at",
                              "t0"."received_at",
                              "t0"."properties",
                              "t0"."traits",
                              "t0"."context",
                              "t0"."source",
                              "t0"."loaded_at",
                              COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
                          ) AS "t6"
                          LEFT OUTER JOIN (
                            SELECT
                              "t37"."from_id" AS "s_from",
                              "t37"."person_id" AS "s_person"
                            FROM (
                              SELECT
                                "t35"."from_id",
                                COALESCE("t28"."next_to", "t35"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t22"."from_id",
                                  COALESCE("t29"."next_to", "t22"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t18"."from_id",
                                    "t18"."to_id" AS "person_id"
                                  FROM "t17" AS "t18"
                                  WHERE
                                    "t18"."rank" = 0
                                ) AS "t22"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t25"."from_id" AS "next_from",
                                    "t25"."to_id" AS "next_to"
                                  FROM "t20" AS "t25"
                                ) AS "t29"
                                  ON "t22"."person_id" = "t29"."next_from"
                              ) AS "t35"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t24"."from_id" AS "next_from",
                                  "t24"."to_id" AS "next_to"
                                FROM "t20" AS "t24"
                              ) AS "t28"
                                ON "t35"."person_id" = "t28"."next_from"
                            ) AS "t37"
                          ) AS "t40"
                            ON "t6"."_sender" = "t40"."s_from"
                        ) AS "t42"
                        WHERE
                          "t42"."is_known"
                      ) AS "t45"
                      LEFT OUTER JOIN (
                        SELECT
                          "t52"."user_id" AS "m_user",
                          "t52"."account_id",
                          "t52"."email_domain"
                        FROM "t51" AS "t52"
                      ) AS "t56"
                        ON "t45"."person_id" = "t56"."m_user"
                    ) AS "t60"
                    WHERE
                      "t60"."type" <> 'identify'
                      AND "t60"."type" <> 'group'
                      AND "t60"."type" <> 'alias'
                      AND "t60"."timestamp" >= MAKE_TIMESTAMP(2026, 3, 18, 0, 0, 0.0)
                  ) AS "t61"
                ) AS "t64"
                GROUP BY
                  1
              ) AS "t67"
            ) AS "t70"
              ON "t76"."entity_id" = "t70"."key"
          ) AS "t79"
          LEFT OUTER JOIN (
            SELECT
              "t4"."group_id" AS "key",
              ARG_MAX_NULL("t4"."s__employees", "t4"."timestamp") FILTER(WHERE
                "t4"."s__employees" IS NOT NULL) AS "s__employees",
              ARG_MAX_NULL("t4"."s__industry", "t4"."timestamp") FILTER(WHERE
                "t4"."s__industry" IS NOT NULL) AS "s__industry"
            FROM (
              SELECT
                "t0"."group_id",
                "t0"."timestamp",
                CASE
                  WHEN JSON_TYPE("t0"."traits" -> '$.employees') IN ('UBIGINT', 'BIGINT', 'DOUBLE')
                  THEN CAST("t0"."traits" -> '$.employees' AS DOUBLE)
                  ELSE NULL
                END AS "s__employees",
                CASE
                  WHEN JSON_TYPE("t0"."traits" -> '$.industry') = 'VARCHAR'
                  THEN (
                    "t0"."traits" -> '$.industry'
                  ) ->> '$'
                  ELSE NULL
                END AS "s__industry"
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."traits" IS NOT NULL
                AND "t0"."timestamp" < MAKE_TIMESTAMP(2026, 4, 1, 0, 0, 0.0)
            ) AS "t4"
            GROUP BY
              1
          ) AS "t11"
            ON "t79"."account_id" = "t11"."key"
        ) AS "t81"
      ) AS "t83"
      WHERE
        NOT (
          "t83"."paying"
        )
    ) AS "t85"
  ) AS "t87"
) AS "t89";
