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
            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
            "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
      NULLIF(
        CASE
          WHEN (
            POSITION('@' IN LOWER(TRIM(' 	
' FROM "t47"."email"))) - 1
          ) >= 0
          THEN SUBSTRING(LOWER(TRIM(' 	
' FROM "t47"."email")) FROM CASE
            WHEN (
              (
                POSITION('@' IN LOWER(TRIM(' 	
' FROM "t47"."email"))) - 1
              ) + 1 + 1
            ) >= 1
            THEN (
              POSITION('@' IN LOWER(TRIM(' 	
' FROM "t47"."email"))) - 1
            ) + 1 + 1
            ELSE (
              POSITION('@' IN LOWER(TRIM(' 	
' FROM "t47"."email"))) - 1
            ) + 1 + 1 + LENGTH(LOWER(TRIM(' 	
' FROM "t47"."email")))
          END)
          ELSE NULL
        END,
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        COALESCE("t46"."l_person", "t46"."sender") AS "user_id",
        MIN("t46"."first") AS "first_seen",
        MAX("t46"."last") AS "last_seen",
        (
          ARRAY_AGG("t46"."grp" ORDER BY "t46"."grp_at" DESC NULLS LAST) FILTER(WHERE
            "t46"."grp_at" IS NOT NULL AND "t46"."grp" IS NOT NULL)
        )[1] AS "group_account",
        (
          ARRAY_AGG("t46"."mail" ORDER BY "t46"."mail_at" DESC NULLS LAST) FILTER(WHERE
            "t46"."mail_at" IS NOT NULL AND "t46"."mail" IS NOT NULL)
        )[1] AS "email"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t13"."sender",
            "t13"."has_user",
            "t13"."first",
            "t13"."last",
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
              (
                ARRAY_AGG("t8"."group_id" ORDER BY "t8"."timestamp" DESC NULLS LAST) FILTER(WHERE
                  "t8"."timestamp" IS NOT NULL AND "t8"."group_id" IS NOT NULL)
              )[1] AS "grp",
              MAX("t8"."timestamp") FILTER(WHERE
                "t8"."group_id" IS NOT NULL) AS "grp_at",
              (
                ARRAY_AGG("t8"."email" ORDER BY "t8"."timestamp" DESC NULLS LAST) FILTER(WHERE
                  "t8"."timestamp" IS NOT NULL AND "t8"."email" IS NOT NULL)
              )[1] AS "mail",
              MAX("t8"."timestamp") FILTER(WHERE
                "t8"."email" IS NOT NULL) AS "mail_at"
            FROM (
              SELECT
                COALESCE("t0"."user_id", "t0"."anonymous_id") AS "sender",
                "t0"."user_id" IS NOT NULL AS "has_user",
                "t0"."timestamp",
                "t0"."group_id",
                CASE
                  WHEN "t0"."type" <> 'group'
                  THEN CASE
                    WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t0"."traits", 'email')) = 'string'
                    THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t0"."traits", 'email'), VARIADIC ARRAY[]::TEXT[])
                    ELSE NULL
                  END
                  ELSE NULL
                END AS "email"
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
            (
              ARRAY_AGG("t15"."domain" ORDER BY "t15"."timestamp" DESC NULLS LAST) FILTER(WHERE
                "t15"."timestamp" IS NOT NULL AND "t15"."has_domain")
            )[1] AS "domain",
            (
              ARRAY_AGG("t15"."website" ORDER BY "t15"."timestamp" DESC NULLS LAST) FILTER(WHERE
                "t15"."timestamp" IS NOT NULL AND "t15"."has_website")
            )[1] AS "website"
          FROM (
            SELECT
              "t5"."group_id",
              "t5"."timestamp",
              "t5"."domain" IS NOT NULL AS "has_domain",
              "t5"."website" IS NOT NULL AS "has_website",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(TRIM(' 	
' FROM "t5"."domain")), '^[a-z]+://', '', 'g'),
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
                    REGEXP_REPLACE(LOWER(TRIM(' 	
' FROM "t5"."website")), '^[a-z]+://', '', 'g'),
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
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t0"."traits", 'domain')) = 'string'
                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t0"."traits", 'domain'), VARIADIC ARRAY[]::TEXT[])
                  ELSE NULL
                END AS "domain",
                CASE
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t0"."traits", 'website')) = 'string'
                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t0"."traits", 'website'), VARIADIC ARRAY[]::TEXT[])
                  ELSE NULL
                END AS "website"
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
  "t102"."entity_id",
  "t102"."account_id",
  "t102"."first_seen",
  "t102"."last_seen",
  "t102"."s__activated",
  "t102"."s__activated_within_7d",
  "t102"."s__core_feature_30d",
  "t102"."s__paywall_hits_30d",
  "t102"."s__enterprise_views_30d",
  "t102"."s__teammates_invited",
  "t102"."s__sessions_14d",
  "t102"."s__employees",
  "t102"."s__industry",
  "t102"."paying",
  "t102"."p__activation__0",
  "t102"."p__activation__1",
  "t102"."p__usage__0",
  "t102"."p__usage__1",
  "t102"."p__firmographic__0",
  "t102"."p__firmographic__1",
  "t102"."p__intent__0",
  "t102"."p__intent__1",
  "t102"."p__intent__2",
  "t102"."l__activation",
  "t102"."l__usage",
  "t102"."l__firmographic",
  "t102"."l__intent",
  "t102"."score",
  CASE
    WHEN "t102"."score" >= 70.0
    THEN 'hot'
    WHEN "t102"."score" >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS "as_of"
FROM (
  SELECT
    "t100"."entity_id",
    "t100"."account_id",
    "t100"."first_seen",
    "t100"."last_seen",
    "t100"."s__activated",
    "t100"."s__activated_within_7d",
    "t100"."s__core_feature_30d",
    "t100"."s__paywall_hits_30d",
    "t100"."s__enterprise_views_30d",
    "t100"."s__teammates_invited",
    "t100"."s__sessions_14d",
    "t100"."s__employees",
    "t100"."s__industry",
    "t100"."paying",
    "t100"."p__activation__0",
    "t100"."p__activation__1",
    "t100"."p__usage__0",
    "t100"."p__usage__1",
    "t100"."p__firmographic__0",
    "t100"."p__firmographic__1",
    "t100"."p__intent__0",
    "t100"."p__intent__1",
    "t100"."p__intent__2",
    "t100"."l__activation",
    "t100"."l__usage",
    "t100"."l__firmographic",
    "t100"."l__intent",
    "t100"."l__activation" + "t100"."l__usage" + "t100"."l__firmographic" + "t100"."l__intent" AS "score"
  FROM (
    SELECT
      "t98"."entity_id",
      "t98"."account_id",
      "t98"."first_seen",
      "t98"."last_seen",
      "t98"."s__activated",
      "t98"."s__activated_within_7d",
      "t98"."s__core_feature_30d",
      "t98"."s__paywall_hits_30d",
      "t98"."s__enterprise_views_30d",
      "t98"."s__teammates_invited",
      "t98"."s__sessions_14d",
      "t98"."s__employees",
      "t98"."s__industry",
      "t98"."paying",
      "t98"."p__activation__0",
      "t98"."p__activation__1",
      "t98"."p__usage__0",
      "t98"."p__usage__1",
      "t98"."p__firmographic__0",
      "t98"."p__firmographic__1",
      "t98"."p__intent__0",
      "t98"."p__intent__1",
      "t98"."p__intent__2",
      LEAST("t98"."p__activation__0" + "t98"."p__activation__1", CAST(30 AS DOUBLE PRECISION)) AS "l__activation",
      LEAST("t98"."p__usage__0" + "t98"."p__usage__1", CAST(30 AS DOUBLE PRECISION)) AS "l__usage",
      LEAST(
        "t98"."p__firmographic__0" + "t98"."p__firmographic__1",
        CAST(25 AS DOUBLE PRECISION)
      ) AS "l__firmographic",
      LEAST(
        "t98"."p__intent__0" + "t98"."p__intent__1" + "t98"."p__intent__2",
        CAST(30 AS DOUBLE PRECISION)
      ) AS "l__intent"
    FROM (
      SELECT
        "t96"."entity_id",
        "t96"."account_id",
        "t96"."first_seen",
        "t96"."last_seen",
        "t96"."s__activated",
        "t96"."s__activated_within_7d",
        "t96"."s__core_feature_30d",
        "t96"."s__paywall_hits_30d",
        "t96"."s__enterprise_views_30d",
        "t96"."s__teammates_invited",
        "t96"."s__sessions_14d",
        "t96"."s__employees",
        "t96"."s__industry",
        "t96"."paying",
        CASE
          WHEN COALESCE("t96"."s__activated", FALSE)
          THEN CAST(20 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__activation__0",
        CASE
          WHEN COALESCE("t96"."s__activated_within_7d", FALSE)
          THEN CAST(10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__activation__1",
        COALESCE(
          CASE
            WHEN (
              "t96"."s__sessions_14d" >= 3.0
            ) AND (
              "t96"."s__sessions_14d" <= 6.0
            )
            THEN CAST(10 AS DOUBLE PRECISION)
            WHEN "t96"."s__sessions_14d" >= 7.0
            THEN CAST(20 AS DOUBLE PRECISION)
            ELSE CAST(0 AS DOUBLE PRECISION)
          END,
          CAST(0 AS DOUBLE PRECISION)
        ) AS "p__usage__0",
        CASE
          WHEN COALESCE("t96"."s__core_feature_30d" >= 5.0, FALSE)
          THEN CAST(10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__usage__1",
        COALESCE(
          CASE
            WHEN (
              "t96"."s__employees" >= 50.0
            ) AND (
              "t96"."s__employees" <= 199.0
            )
            THEN CAST(10 AS DOUBLE PRECISION)
            WHEN "t96"."s__employees" >= 200.0
            THEN CAST(20 AS DOUBLE PRECISION)
            ELSE CAST(0 AS DOUBLE PRECISION)
          END,
          CAST(0 AS DOUBLE PRECISION)
        ) AS "p__firmographic__0",
        CASE
          WHEN COALESCE("t96"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN CAST(5 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__firmographic__1",
        CASE
          WHEN COALESCE("t96"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN CAST(15 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__intent__0",
        CASE
          WHEN COALESCE("t96"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN CAST(15 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__intent__1",
        CASE
          WHEN COALESCE("t96"."s__teammates_invited" >= 2.0, FALSE)
          THEN CAST(10 AS DOUBLE PRECISION)
          ELSE CAST(0 AS DOUBLE PRECISION)
        END AS "p__intent__2"
      FROM (
        SELECT
          "t94"."entity_id",
          "t94"."account_id",
          "t94"."first_seen",
          "t94"."last_seen",
          "t94"."s__activated",
          "t94"."s__activated_within_7d",
          "t94"."s__core_feature_30d",
          "t94"."s__paywall_hits_30d",
          "t94"."s__enterprise_views_30d",
          "t94"."s__teammates_invited",
          "t94"."s__sessions_14d",
          "t94"."s__employees",
          "t94"."s__industry",
          "t70"."key" IS NOT NULL AS "paying"
        FROM (
          SELECT
            "t91"."entity_id",
            "t91"."account_id",
            "t91"."first_seen",
            "t91"."last_seen",
            "t91"."s__activated",
            "t91"."s__activated_within_7d",
            "t91"."s__core_feature_30d",
            "t91"."s__paywall_hits_30d",
            "t91"."s__enterprise_views_30d",
            "t91"."s__teammates_invited",
            "t91"."s__sessions_14d",
            "t11"."s__employees",
            "t11"."s__industry"
          FROM (
            SELECT
              "t88"."entity_id",
              "t88"."account_id",
              "t88"."first_seen",
              "t88"."last_seen",
              "t88"."s__activated",
              "t88"."s__activated_within_7d",
              "t88"."s__core_feature_30d",
              "t88"."s__paywall_hits_30d",
              "t88"."s__enterprise_views_30d",
              "t88"."s__teammates_invited",
              COALESCE("t78"."s__sessions_14d", 0) AS "s__sessions_14d"
            FROM (
              SELECT
                "t59"."entity_id",
                "t59"."account_id",
                "t59"."first_seen",
                "t59"."last_seen",
                COALESCE("t85"."s__activated", FALSE) AS "s__activated",
                COALESCE("t85"."s__activated_within_7d", FALSE) AS "s__activated_within_7d",
                COALESCE("t85"."s__core_feature_30d", 0) AS "s__core_feature_30d",
                COALESCE("t85"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
                COALESCE("t85"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
                COALESCE("t85"."s__teammates_invited", 0) AS "s__teammates_invited"
              FROM (
                SELECT
                  "t52"."user_id" AS "entity_id",
                  "t52"."account_id",
                  "t52"."first_seen",
                  "t52"."last_seen"
                FROM "t51" AS "t52"
              ) AS "t59"
              LEFT OUTER JOIN (
                SELECT
                  "t83"."entity_id" AS "key",
                  (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      ) AND "t83"."event" IN ('Project Created')) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      ) AND "t83"."event" IN ('Data Source Connected')) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      ) AND "t83"."event" IN ('Dashboard Created')) >= 1
                  ) AS "s__activated",
                  (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      )
                      AND "t83"."event" IN ('Project Created')
                      AND (
                        "t83"."timestamp" < (
                          "t83"."start" + INTERVAL '604800 SECOND'
                        )
                      )) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      )
                      AND "t83"."event" IN ('Data Source Connected')
                      AND (
                        "t83"."timestamp" < (
                          "t83"."start" + INTERVAL '604800 SECOND'
                        )
                      )) >= 1
                  )
                  AND (
                    COUNT(*) FILTER(WHERE
                      (
                        "t83"."type" = 'track'
                      )
                      AND "t83"."event" IN ('Dashboard Created')
                      AND (
                        "t83"."timestamp" < (
                          "t83"."start" + INTERVAL '604800 SECOND'
                        )
                      )) >= 1
                  ) AS "s__activated_within_7d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t83"."type" = 'track'
                    )
                    AND "t83"."event" IN ('Report Created')
                    AND (
                      "t83"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    )) AS "s__core_feature_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t83"."type" = 'track'
                    )
                    AND "t83"."event" IN ('Paywall Hit')
                    AND (
                      "t83"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    )) AS "s__paywall_hits_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t83"."type" = 'track'
                    )
                    AND "t83"."event" IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      CASE
                        WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t83"."properties", 'feature')) = 'string'
                        THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t83"."properties", 'feature'), VARIADIC ARRAY[]::TEXT[])
                        ELSE NULL
                      END IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                      FALSE
                    )
                    AND (
                      "t83"."timestamp" >= CAST('2026-03-02T00:00:00' AS TIMESTAMP)
                    )) AS "s__enterprise_views_30d",
                  COUNT(*) FILTER(WHERE
                    (
                      "t83"."type" = 'track'
                    ) AND "t83"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited"
                FROM (
                  SELECT
                    "t75"."message_id",
                    "t75"."type",
                    "t75"."event",
                    "t75"."name",
                    "t75"."user_id",
                    "t75"."anonymous_id",
                    "t75"."group_id",
                    "t75"."previous_id",
                    "t75"."timestamp",
                    "t75"."original_timestamp",
                    "t75"."sent_at",
                    "t75"."received_at",
                    "t75"."properties",
                    "t75"."traits",
                    "t75"."context",
                    "t75"."source",
                    "t75"."loaded_at",
                    "t75"."person_id",
                    "t75"."account_id",
                    "t75"."email_domain",
                    "t75"."entity_id",
                    "t81"."start"
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
                        "t57"."account_id",
                        "t57"."email_domain",
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
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
                      ) AS "t57"
                        ON "t45"."person_id" = "t57"."m_user"
                    ) AS "t62"
                    WHERE
                      (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Project Created')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Data Source Connected')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Dashboard Created')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Project Created')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Data Source Connected')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Dashboard Created')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Signed Up')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Report Created')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Paywall Hit')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Enterprise Feature Viewed')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Invite Sent')
                      )
                      OR (
                        (
                          "t62"."type" = 'track'
                        ) AND "t62"."event" IN ('Subscription Started')
                      )
                  ) AS "t75"
                  LEFT OUTER JOIN (
                    SELECT
                      "t58"."f_key" AS "st_key",
                      COALESCE("t79"."s_at", "t58"."f_at") AS "start"
                    FROM (
                      SELECT
                        "t52"."user_id" AS "f_key",
                        "t52"."first_seen" AS "f_at"
                      FROM "t51" AS "t52"
                    ) AS "t58"
                    LEFT OUTER JOIN (
                      SELECT
                        "t73"."entity_id" AS "s_key",
                        MIN("t73"."timestamp") AS "s_at"
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
                            "t57"."account_id",
                            "t57"."email_domain",
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
                                  "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
                          ) AS "t57"
                            ON "t45"."person_id" = "t57"."m_user"
                        ) AS "t62"
                        WHERE
                          (
                            (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Project Created')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Data Source Connected')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Dashboard Created')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Project Created')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Data Source Connected')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Dashboard Created')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Signed Up')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Report Created')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Paywall Hit')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Enterprise Feature Viewed')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Invite Sent')
                            )
                            OR (
                              (
                                "t62"."type" = 'track'
                              ) AND "t62"."event" IN ('Subscription Started')
                            )
                          )
                          AND "t62"."type" = 'track'
                          AND "t62"."event" = 'Signed Up'
                      ) AS "t73"
                      GROUP BY
                        1
                    ) AS "t79"
                      ON "t58"."f_key" = "t79"."s_key"
                  ) AS "t81"
                    ON "t75"."entity_id" = "t81"."st_key"
                ) AS "t83"
                GROUP BY
                  1
              ) AS "t85"
                ON "t59"."entity_id" = "t85"."key"
            ) AS "t88"
            LEFT OUTER JOIN (
              SELECT
                "t74"."key",
                "t74"."value" AS "s__sessions_14d"
              FROM (
                SELECT
                  "t71"."key",
                  SUM("t71"."new") AS "value"
                FROM (
                  SELECT
                    "t65"."entity_id" AS "key",
                    CASE
                      WHEN (
                        LAG("t65"."timestamp") OVER (
                          PARTITION BY "t65"."entity_id"
                          ORDER BY "t65"."timestamp" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        ) IS NULL
                      )
                      OR (
                        (
                          EXTRACT('epoch' FROM "t65"."timestamp") - EXTRACT('epoch' FROM LAG("t65"."timestamp") OVER (
                            PARTITION BY "t65"."entity_id"
                            ORDER BY "t65"."timestamp" ASC
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                          ))
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
                        "t57"."account_id",
                        "t57"."email_domain",
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
                              "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
                      ) AS "t57"
                        ON "t45"."person_id" = "t57"."m_user"
                    ) AS "t62"
                    WHERE
                      "t62"."type" <> 'identify'
                      AND "t62"."type" <> 'group'
                      AND "t62"."type" <> 'alias'
                      AND "t62"."timestamp" >= CAST('2026-03-18T00:00:00' AS TIMESTAMP)
                  ) AS "t65"
                ) AS "t71"
                GROUP BY
                  1
              ) AS "t74"
            ) AS "t78"
              ON "t88"."entity_id" = "t78"."key"
          ) AS "t91"
          LEFT OUTER JOIN (
            SELECT
              "t4"."group_id" AS "key",
              (
                ARRAY_AGG("t4"."s__employees" ORDER BY "t4"."timestamp" DESC NULLS LAST) FILTER(WHERE
                  "t4"."timestamp" IS NOT NULL AND "t4"."s__employees" IS NOT NULL)
              )[1] AS "s__employees",
              (
                ARRAY_AGG("t4"."s__industry" ORDER BY "t4"."timestamp" DESC NULLS LAST) FILTER(WHERE
                  "t4"."timestamp" IS NOT NULL AND "t4"."s__industry" IS NOT NULL)
              )[1] AS "s__industry"
            FROM (
              SELECT
                "t0"."group_id",
                "t0"."timestamp",
                CASE
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t0"."traits", 'employees')) = 'number'
                  THEN CAST(JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t0"."traits", 'employees'), VARIADIC ARRAY[]::TEXT[]) AS DOUBLE PRECISION)
                  ELSE NULL
                END AS "s__employees",
                CASE
                  WHEN JSON_TYPEOF(JSON_EXTRACT_PATH("t0"."traits", 'industry')) = 'string'
                  THEN JSON_EXTRACT_PATH_TEXT(JSON_EXTRACT_PATH("t0"."traits", 'industry'), VARIADIC ARRAY[]::TEXT[])
                  ELSE NULL
                END AS "s__industry"
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND "t0"."traits" IS NOT NULL
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            ) AS "t4"
            GROUP BY
              1
          ) AS "t11"
            ON "t91"."account_id" = "t11"."key"
        ) AS "t94"
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t62"."entity_id" AS "key"
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
                  "t57"."account_id",
                  "t57"."email_domain",
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
                        "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
                ) AS "t57"
                  ON "t45"."person_id" = "t57"."m_user"
              ) AS "t62"
              WHERE
                "t62"."type" = 'track' AND "t62"."event" IN ('Subscription Started')
            ) AS "t63"
            UNION
            SELECT
              *
            FROM (
              SELECT
                "t60"."m_user" AS "key"
              FROM (
                SELECT
                  "t52"."user_id" AS "m_user",
                  "t52"."account_id",
                  "t52"."email_domain",
                  "t52"."first_seen",
                  "t52"."last_seen"
                FROM "t51" AS "t52"
                WHERE
                  "t52"."account_id" IS NOT NULL
              ) AS "t60"
              INNER JOIN (
                SELECT DISTINCT
                  "t62"."account_id" AS "acc"
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
                    "t57"."account_id",
                    "t57"."email_domain",
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
                          "t0"."timestamp" < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
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
                  ) AS "t57"
                    ON "t45"."person_id" = "t57"."m_user"
                ) AS "t62"
                WHERE
                  "t62"."type" = 'track'
                  AND "t62"."event" IN ('Subscription Started')
                  AND "t62"."account_id" IS NOT NULL
              ) AS "t66"
                ON "t60"."account_id" = "t66"."acc"
            ) AS "t67"
          ) AS "t68"
        ) AS "t70"
          ON "t94"."entity_id" = "t70"."key"
      ) AS "t96"
      WHERE
        NOT (
          "t96"."paying"
        )
    ) AS "t98"
  ) AS "t100"
) AS "t102";
