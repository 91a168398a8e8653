WITH "t15" AS (
  SELECT
    "t13"."from_id",
    "t13"."to_id",
    "t13"."linked_at",
    ROW_NUMBER() OVER (PARTITION BY "t13"."from_id" ORDER BY "t13"."linked_at" ASC, "t13"."to_id" ASC) - 1 AS "rank"
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
            "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
            AND "t0"."type" = 'alias'
            AND "t0"."previous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t4"
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
            "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t3"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t9"
    GROUP BY
      1,
      2
  ) AS "t13"
), "t19" AS (
  SELECT
    "t16"."from_id",
    "t16"."to_id",
    "t16"."linked_at"
  FROM "t15" AS "t16"
  WHERE
    "t16"."rank" = 0
), "t39" AS (
  SELECT
    "t7"."type",
    "t7"."timestamp",
    "t7"."user_id",
    "t7"."anonymous_id",
    "t7"."group_id",
    "t7"."traits",
    COALESCE("t37"."s_person", "t7"."_sender") AS "person_id",
    (
      "t7"."user_id" IS NOT NULL
    ) OR (
      "t37"."s_person" IS NOT NULL
    ) AS "is_known"
  FROM (
    SELECT
      "t0"."type",
      "t0"."timestamp",
      "t0"."user_id",
      "t0"."anonymous_id",
      "t0"."group_id",
      "t0"."traits",
      COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t35"."from_id" AS "s_from",
      "t35"."person_id" AS "s_person"
    FROM (
      SELECT
        "t33"."from_id",
        COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
      FROM (
        SELECT
          "t20"."from_id",
          COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
        FROM (
          SELECT
            "t16"."from_id",
            "t16"."to_id" AS "person_id"
          FROM "t15" AS "t16"
          WHERE
            "t16"."rank" = 0
        ) AS "t20"
        LEFT OUTER JOIN (
          SELECT
            "t23"."from_id" AS "next_from",
            "t23"."to_id" AS "next_to"
          FROM "t19" AS "t23"
        ) AS "t28"
          ON "t20"."person_id" = "t28"."next_from"
      ) AS "t33"
      LEFT OUTER JOIN (
        SELECT
          "t22"."from_id" AS "next_from",
          "t22"."to_id" AS "next_to"
        FROM "t19" AS "t22"
      ) AS "t27"
        ON "t33"."person_id" = "t27"."next_from"
    ) AS "t35"
  ) AS "t37"
    ON "t7"."_sender" = "t37"."s_from"
), "t54" AS (
  SELECT
    "t53"."user_id",
    "t53"."email",
    "t53"."email_domain",
    "t53"."first_seen",
    "t53"."last_seen",
    COALESCE(
      "t53"."group_account",
      "t30"."domain_account",
      IFF(
        (
          "t53"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t53"."email_domain" IN (
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
        ),
        CONCAT('domain:', "t53"."email_domain"),
        NULL
      )
    ) AS "account_id",
    CASE
      WHEN "t53"."group_account" IS NOT NULL
      THEN 'group'
      WHEN "t30"."domain_account" IS NOT NULL
      THEN 'domain'
      WHEN IFF(
        (
          "t53"."email_domain" IS NOT NULL
        )
        AND NOT (
          "t53"."email_domain" IN (
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
        ),
        CONCAT('domain:', "t53"."email_domain"),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t50"."user_id",
      "t50"."first_seen",
      "t50"."last_seen",
      "t50"."group_account",
      "t50"."email",
      NULLIF(
        IFF(
          (
            POSITION('@', LOWER(TRIM("t50"."email", ' \t\n\r\f'))) - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM("t50"."email", ' \t\n\r\f')),
            IFF(
              (
                (
                  POSITION('@', LOWER(TRIM("t50"."email", ' \t\n\r\f'))) - 1
                ) + 1 + 1
              ) >= 1,
              (
                POSITION('@', LOWER(TRIM("t50"."email", ' \t\n\r\f'))) - 1
              ) + 1 + 1,
              (
                POSITION('@', LOWER(TRIM("t50"."email", ' \t\n\r\f'))) - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM("t50"."email", ' \t\n\r\f')))
            )
          ),
          NULL
        ),
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        "t46"."user_id",
        "t46"."first_seen",
        "t46"."last_seen",
        "t46"."group_account",
        "t48"."email"
      FROM (
        SELECT
          "t43"."person_id" AS "user_id",
          MIN("t43"."timestamp") AS "first_seen",
          MAX("t43"."timestamp") AS "last_seen",
          MAX_BY(
            IFF("t43"."group_id" IS NOT NULL, "t43"."group_id", NULL),
            IFF("t43"."group_id" IS NOT NULL, "t43"."timestamp", NULL)
          ) AS "group_account"
        FROM (
          SELECT
            *
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
        ) AS "t43"
        GROUP BY
          1
      ) AS "t46"
      LEFT OUTER JOIN (
        SELECT
          "t44"."e_user",
          MAX_BY(
            IFF(
              AS_VARCHAR(GET("t44"."traits", 'email')) IS NOT NULL,
              AS_VARCHAR(GET("t44"."traits", 'email')),
              NULL
            ),
            IFF(AS_VARCHAR(GET("t44"."traits", 'email')) IS NOT NULL, "t44"."timestamp", NULL)
          ) AS "email"
        FROM (
          SELECT
            "t40"."type",
            "t40"."timestamp",
            "t40"."user_id",
            "t40"."anonymous_id",
            "t40"."group_id",
            "t40"."traits",
            "t40"."person_id",
            "t40"."is_known",
            "t40"."person_id" AS "e_user"
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
            AND "t40"."type" <> 'group'
            AND "t40"."traits" IS NOT NULL
            AND "t40"."person_id" IS NOT NULL
        ) AS "t44"
        GROUP BY
          1
      ) AS "t48"
        ON "t46"."user_id" = "t48"."e_user"
    ) AS "t50"
  ) AS "t53"
  LEFT OUTER JOIN (
    SELECT
      "t24"."domain",
      "t24"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t17"."group_id",
        "t17"."since",
        "t17"."domain",
        ROW_NUMBER() OVER (PARTITION BY "t17"."domain" ORDER BY "t17"."since" ASC, "t17"."group_id" ASC) - 1 AS "rank"
      FROM (
        SELECT
          "t14"."group_id",
          "t14"."since",
          IFF("t14"."domain_at" IS NOT NULL, "t14"."domain", "t14"."website") AS "domain"
        FROM (
          SELECT
            "t12"."group_id",
            MIN("t12"."timestamp") AS "since",
            MAX(IFF("t12"."has_domain", "t12"."timestamp", NULL)) AS "domain_at",
            MAX_BY(
              IFF("t12"."has_domain", "t12"."domain", NULL),
              IFF("t12"."has_domain", "t12"."timestamp", NULL)
            ) AS "domain",
            MAX_BY(
              IFF("t12"."has_website", "t12"."website", NULL),
              IFF("t12"."has_website", "t12"."timestamp", NULL)
            ) AS "website"
          FROM (
            SELECT
              "t0"."group_id",
              "t0"."timestamp",
              AS_VARCHAR(GET("t0"."traits", 'domain')) IS NOT NULL AS "has_domain",
              AS_VARCHAR(GET("t0"."traits", 'website')) IS NOT NULL AS "has_website",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(
                      LOWER(TRIM(AS_VARCHAR(GET("t0"."traits", 'domain')), ' \t\n\r\f')),
                      '^[a-z]+://',
                      ''
                    ),
                    '^www\\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS "domain",
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(
                      LOWER(TRIM(AS_VARCHAR(GET("t0"."traits", 'website')), ' \t\n\r\f')),
                      '^[a-z]+://',
                      ''
                    ),
                    '^www\\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS "website"
            FROM "events" AS "t0"
            WHERE
              "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
              AND "t0"."type" = 'group'
              AND "t0"."group_id" IS NOT NULL
          ) AS "t12"
          GROUP BY
            1
        ) AS "t14"
        WHERE
          IFF("t14"."domain_at" IS NOT NULL, "t14"."domain", "t14"."website") IS NOT NULL
      ) AS "t17"
    ) AS "t24"
    WHERE
      "t24"."rank" = 0
  ) AS "t30"
    ON "t53"."email_domain" = "t30"."domain"
)
SELECT
  "t105"."entity_id",
  "t105"."account_id",
  "t105"."first_seen",
  "t105"."last_seen",
  "t105"."s__activated",
  "t105"."s__activated_within_7d",
  "t105"."s__core_feature_30d",
  "t105"."s__paywall_hits_30d",
  "t105"."s__enterprise_views_30d",
  "t105"."s__teammates_invited",
  "t105"."s__sessions_14d",
  "t105"."s__employees",
  "t105"."s__industry",
  "t105"."paying",
  "t105"."p__activation__0",
  "t105"."p__activation__1",
  "t105"."p__usage__0",
  "t105"."p__usage__1",
  "t105"."p__firmographic__0",
  "t105"."p__firmographic__1",
  "t105"."p__intent__0",
  "t105"."p__intent__1",
  "t105"."p__intent__2",
  "t105"."l__activation",
  "t105"."l__usage",
  "t105"."l__firmographic",
  "t105"."l__intent",
  "t105"."score",
  CASE
    WHEN "t105"."score" >= 70.0
    THEN 'hot'
    WHEN "t105"."score" >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0) AS "as_of"
FROM (
  SELECT
    "t103"."entity_id",
    "t103"."account_id",
    "t103"."first_seen",
    "t103"."last_seen",
    "t103"."s__activated",
    "t103"."s__activated_within_7d",
    "t103"."s__core_feature_30d",
    "t103"."s__paywall_hits_30d",
    "t103"."s__enterprise_views_30d",
    "t103"."s__teammates_invited",
    "t103"."s__sessions_14d",
    "t103"."s__employees",
    "t103"."s__industry",
    "t103"."paying",
    "t103"."p__activation__0",
    "t103"."p__activation__1",
    "t103"."p__usage__0",
    "t103"."p__usage__1",
    "t103"."p__firmographic__0",
    "t103"."p__firmographic__1",
    "t103"."p__intent__0",
    "t103"."p__intent__1",
    "t103"."p__intent__2",
    "t103"."l__activation",
    "t103"."l__usage",
    "t103"."l__firmographic",
    "t103"."l__intent",
    "t103"."l__activation" + "t103"."l__usage" + "t103"."l__firmographic" + "t103"."l__intent" AS "score"
  FROM (
    SELECT
      "t101"."entity_id",
      "t101"."account_id",
      "t101"."first_seen",
      "t101"."last_seen",
      "t101"."s__activated",
      "t101"."s__activated_within_7d",
      "t101"."s__core_feature_30d",
      "t101"."s__paywall_hits_30d",
      "t101"."s__enterprise_views_30d",
      "t101"."s__teammates_invited",
      "t101"."s__sessions_14d",
      "t101"."s__employees",
      "t101"."s__industry",
      "t101"."paying",
      "t101"."p__activation__0",
      "t101"."p__activation__1",
      "t101"."p__usage__0",
      "t101"."p__usage__1",
      "t101"."p__firmographic__0",
      "t101"."p__firmographic__1",
      "t101"."p__intent__0",
      "t101"."p__intent__1",
      "t101"."p__intent__2",
      LEAST("t101"."p__activation__0" + "t101"."p__activation__1", CAST(30 AS DOUBLE)) AS "l__activation",
      LEAST("t101"."p__usage__0" + "t101"."p__usage__1", CAST(30 AS DOUBLE)) AS "l__usage",
      LEAST("t101"."p__firmographic__0" + "t101"."p__firmographic__1", CAST(25 AS DOUBLE)) AS "l__firmographic",
      LEAST(
        "t101"."p__intent__0" + "t101"."p__intent__1" + "t101"."p__intent__2",
        CAST(30 AS DOUBLE)
      ) AS "l__intent"
    FROM (
      SELECT
        "t99"."entity_id",
        "t99"."account_id",
        "t99"."first_seen",
        "t99"."last_seen",
        "t99"."s__activated",
        "t99"."s__activated_within_7d",
        "t99"."s__core_feature_30d",
        "t99"."s__paywall_hits_30d",
        "t99"."s__enterprise_views_30d",
        "t99"."s__teammates_invited",
        "t99"."s__sessions_14d",
        "t99"."s__employees",
        "t99"."s__industry",
        "t99"."paying",
        IFF(COALESCE("t99"."s__activated", FALSE), CAST(20 AS DOUBLE), CAST(0 AS DOUBLE)) AS "p__activation__0",
        IFF(
          COALESCE("t99"."s__activated_within_7d", FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__activation__1",
        COALESCE(
          CASE
            WHEN (
              "t99"."s__sessions_14d" >= 3.0
            ) AND (
              "t99"."s__sessions_14d" <= 6.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN "t99"."s__sessions_14d" >= 7.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS "p__usage__0",
        IFF(
          COALESCE("t99"."s__core_feature_30d" >= 5.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__usage__1",
        COALESCE(
          CASE
            WHEN (
              "t99"."s__employees" >= 50.0
            ) AND (
              "t99"."s__employees" <= 199.0
            )
            THEN CAST(10 AS DOUBLE)
            WHEN "t99"."s__employees" >= 200.0
            THEN CAST(20 AS DOUBLE)
            ELSE CAST(0 AS DOUBLE)
          END,
          CAST(0 AS DOUBLE)
        ) AS "p__firmographic__0",
        IFF(
          COALESCE("t99"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE),
          CAST(5 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__firmographic__1",
        IFF(
          COALESCE("t99"."s__paywall_hits_30d" >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__intent__0",
        IFF(
          COALESCE("t99"."s__enterprise_views_30d" >= 1.0, FALSE),
          CAST(15 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__intent__1",
        IFF(
          COALESCE("t99"."s__teammates_invited" >= 2.0, FALSE),
          CAST(10 AS DOUBLE),
          CAST(0 AS DOUBLE)
        ) AS "p__intent__2"
      FROM (
        SELECT
          "t97"."entity_id",
          "t97"."account_id",
          "t97"."first_seen",
          "t97"."last_seen",
          "t97"."s__activated",
          "t97"."s__activated_within_7d",
          "t97"."s__core_feature_30d",
          "t97"."s__paywall_hits_30d",
          "t97"."s__enterprise_views_30d",
          "t97"."s__teammates_invited",
          "t97"."s__sessions_14d",
          "t97"."s__employees",
          "t97"."s__industry",
          "t73"."key" IS NOT NULL AS "paying"
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
            "t11"."s__employees",
            "t11"."s__industry"
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
              COALESCE("t81"."s__sessions_14d", 0) AS "s__sessions_14d"
            FROM (
              SELECT
                "t62"."entity_id",
                "t62"."account_id",
                "t62"."first_seen",
                "t62"."last_seen",
                COALESCE("t88"."s__activated", FALSE) AS "s__activated",
                COALESCE("t88"."s__activated_within_7d", FALSE) AS "s__activated_within_7d",
                COALESCE("t88"."s__core_feature_30d", 0) AS "s__core_feature_30d",
                COALESCE("t88"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
                COALESCE("t88"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
                COALESCE("t88"."s__teammates_invited", 0) AS "s__teammates_invited"
              FROM (
                SELECT
                  "t55"."user_id" AS "entity_id",
                  "t55"."account_id",
                  "t55"."first_seen",
                  "t55"."last_seen"
                FROM "t54" AS "t55"
              ) AS "t62"
              LEFT OUTER JOIN (
                SELECT
                  "t86"."entity_id" AS "key",
                  (
                    COUNT_IF((
                      "t86"."type" = 'track'
                    ) AND "t86"."event" IN ('Project Created')) >= 1
                  )
                  AND (
                    COUNT_IF((
                      "t86"."type" = 'track'
                    ) AND "t86"."event" IN ('Data Source Connected')) >= 1
                  )
                  AND (
                    COUNT_IF((
                      "t86"."type" = 'track'
                    ) AND "t86"."event" IN ('Dashboard Created')) >= 1
                  ) AS "s__activated",
                  (
                    COUNT_IF(
                      (
                        "t86"."type" = 'track'
                      )
                      AND "t86"."event" IN ('Project Created')
                      AND (
                        "t86"."timestamp" < DATEADD(SECOND, '604800', "t86"."start")
                      )
                    ) >= 1
                  )
                  AND (
                    COUNT_IF(
                      (
                        "t86"."type" = 'track'
                      )
                      AND "t86"."event" IN ('Data Source Connected')
                      AND (
                        "t86"."timestamp" < DATEADD(SECOND, '604800', "t86"."start")
                      )
                    ) >= 1
                  )
                  AND (
                    COUNT_IF(
                      (
                        "t86"."type" = 'track'
                      )
                      AND "t86"."event" IN ('Dashboard Created')
                      AND (
                        "t86"."timestamp" < DATEADD(SECOND, '604800', "t86"."start")
                      )
                    ) >= 1
                  ) AS "s__activated_within_7d",
                  COUNT_IF(
                    (
                      "t86"."type" = 'track'
                    )
                    AND "t86"."event" IN ('Report Created')
                    AND (
                      "t86"."timestamp" >= TIMESTAMP_FROM_PARTS(2026, 3, 2, 0, 0, 0, 0)
                    )
                  ) AS "s__core_feature_30d",
                  COUNT_IF(
                    (
                      "t86"."type" = 'track'
                    )
                    AND "t86"."event" IN ('Paywall Hit')
                    AND (
                      "t86"."timestamp" >= TIMESTAMP_FROM_PARTS(2026, 3, 2, 0, 0, 0, 0)
                    )
                  ) AS "s__paywall_hits_30d",
                  COUNT_IF(
                    (
                      "t86"."type" = 'track'
                    )
                    AND "t86"."event" IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      AS_VARCHAR(GET("t86"."properties", 'feature')) IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                      FALSE
                    )
                    AND (
                      "t86"."timestamp" >= TIMESTAMP_FROM_PARTS(2026, 3, 2, 0, 0, 0, 0)
                    )
                  ) AS "s__enterprise_views_30d",
                  COUNT_IF((
                    "t86"."type" = 'track'
                  ) AND "t86"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited"
                FROM (
                  SELECT
                    "t78"."message_id",
                    "t78"."type",
                    "t78"."event",
                    "t78"."name",
                    "t78"."user_id",
                    "t78"."anonymous_id",
                    "t78"."group_id",
                    "t78"."previous_id",
                    "t78"."timestamp",
                    "t78"."original_timestamp",
                    "t78"."sent_at",
                    "t78"."received_at",
                    "t78"."properties",
                    "t78"."traits",
                    "t78"."context",
                    "t78"."source",
                    "t78"."loaded_at",
                    "t78"."person_id",
                    "t78"."account_id",
                    "t78"."email_domain",
                    "t78"."entity_id",
                    "t84"."start"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t42"."message_id",
                        "t42"."type",
                        "t42"."event",
                        "t42"."name",
                        "t42"."user_id",
                        "t42"."anonymous_id",
                        "t42"."group_id",
                        "t42"."previous_id",
                        "t42"."timestamp",
                        "t42"."original_timestamp",
                        "t42"."sent_at",
                        "t42"."received_at",
                        "t42"."properties",
                        "t42"."traits",
                        "t42"."context",
                        "t42"."source",
                        "t42"."loaded_at",
                        "t42"."person_id",
                        "t60"."account_id",
                        "t60"."email_domain",
                        "t42"."person_id" AS "entity_id"
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
                            COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                            (
                              "t6"."user_id" IS NOT NULL
                            ) OR (
                              "t37"."s_person" IS NOT NULL
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
                              "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                          ) AS "t6"
                          LEFT OUTER JOIN (
                            SELECT
                              "t35"."from_id" AS "s_from",
                              "t35"."person_id" AS "s_person"
                            FROM (
                              SELECT
                                "t33"."from_id",
                                COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t20"."from_id",
                                  COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t16"."from_id",
                                    "t16"."to_id" AS "person_id"
                                  FROM "t15" AS "t16"
                                  WHERE
                                    "t16"."rank" = 0
                                ) AS "t20"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t23"."from_id" AS "next_from",
                                    "t23"."to_id" AS "next_to"
                                  FROM "t19" AS "t23"
                                ) AS "t28"
                                  ON "t20"."person_id" = "t28"."next_from"
                              ) AS "t33"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t22"."from_id" AS "next_from",
                                  "t22"."to_id" AS "next_to"
                                FROM "t19" AS "t22"
                              ) AS "t27"
                                ON "t33"."person_id" = "t27"."next_from"
                            ) AS "t35"
                          ) AS "t37"
                            ON "t6"."_sender" = "t37"."s_from"
                        ) AS "t38"
                        WHERE
                          "t38"."is_known"
                      ) AS "t42"
                      LEFT OUTER JOIN (
                        SELECT
                          "t55"."user_id" AS "m_user",
                          "t55"."account_id",
                          "t55"."email_domain"
                        FROM "t54" AS "t55"
                      ) AS "t60"
                        ON "t42"."person_id" = "t60"."m_user"
                    ) AS "t65"
                    WHERE
                      (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Project Created')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Data Source Connected')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Dashboard Created')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Project Created')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Data Source Connected')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Dashboard Created')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Signed Up')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Report Created')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Paywall Hit')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Enterprise Feature Viewed')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Invite Sent')
                      )
                      OR (
                        (
                          "t65"."type" = 'track'
                        ) AND "t65"."event" IN ('Subscription Started')
                      )
                  ) AS "t78"
                  LEFT OUTER JOIN (
                    SELECT
                      "t61"."f_key" AS "st_key",
                      COALESCE("t82"."s_at", "t61"."f_at") AS "start"
                    FROM (
                      SELECT
                        "t55"."user_id" AS "f_key",
                        "t55"."first_seen" AS "f_at"
                      FROM "t54" AS "t55"
                    ) AS "t61"
                    LEFT OUTER JOIN (
                      SELECT
                        "t76"."entity_id" AS "s_key",
                        MIN("t76"."timestamp") AS "s_at"
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t42"."message_id",
                            "t42"."type",
                            "t42"."event",
                            "t42"."name",
                            "t42"."user_id",
                            "t42"."anonymous_id",
                            "t42"."group_id",
                            "t42"."previous_id",
                            "t42"."timestamp",
                            "t42"."original_timestamp",
                            "t42"."sent_at",
                            "t42"."received_at",
                            "t42"."properties",
                            "t42"."traits",
                            "t42"."context",
                            "t42"."source",
                            "t42"."loaded_at",
                            "t42"."person_id",
                            "t60"."account_id",
                            "t60"."email_domain",
                            "t42"."person_id" AS "entity_id"
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
                                COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                                (
                                  "t6"."user_id" IS NOT NULL
                                ) OR (
                                  "t37"."s_person" IS NOT NULL
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
                                  "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                              ) AS "t6"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t35"."from_id" AS "s_from",
                                  "t35"."person_id" AS "s_person"
                                FROM (
                                  SELECT
                                    "t33"."from_id",
                                    COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                                  FROM (
                                    SELECT
                                      "t20"."from_id",
                                      COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                                    FROM (
                                      SELECT
                                        "t16"."from_id",
                                        "t16"."to_id" AS "person_id"
                                      FROM "t15" AS "t16"
                                      WHERE
                                        "t16"."rank" = 0
                                    ) AS "t20"
                                    LEFT OUTER JOIN (
                                      SELECT
                                        "t23"."from_id" AS "next_from",
                                        "t23"."to_id" AS "next_to"
                                      FROM "t19" AS "t23"
                                    ) AS "t28"
                                      ON "t20"."person_id" = "t28"."next_from"
                                  ) AS "t33"
                                  LEFT OUTER JOIN (
                                    SELECT
                                      "t22"."from_id" AS "next_from",
                                      "t22"."to_id" AS "next_to"
                                    FROM "t19" AS "t22"
                                  ) AS "t27"
                                    ON "t33"."person_id" = "t27"."next_from"
                                ) AS "t35"
                              ) AS "t37"
                                ON "t6"."_sender" = "t37"."s_from"
                            ) AS "t38"
                            WHERE
                              "t38"."is_known"
                          ) AS "t42"
                          LEFT OUTER JOIN (
                            SELECT
                              "t55"."user_id" AS "m_user",
                              "t55"."account_id",
                              "t55"."email_domain"
                            FROM "t54" AS "t55"
                          ) AS "t60"
                            ON "t42"."person_id" = "t60"."m_user"
                        ) AS "t65"
                        WHERE
                          (
                            (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Project Created')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Data Source Connected')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Dashboard Created')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Project Created')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Data Source Connected')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Dashboard Created')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Signed Up')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Report Created')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Paywall Hit')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Enterprise Feature Viewed')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Invite Sent')
                            )
                            OR (
                              (
                                "t65"."type" = 'track'
                              ) AND "t65"."event" IN ('Subscription Started')
                            )
                          )
                          AND "t65"."type" = 'track'
                          AND "t65"."event" = 'Signed Up'
                      ) AS "t76"
                      GROUP BY
                        1
                    ) AS "t82"
                      ON "t61"."f_key" = "t82"."s_key"
                  ) AS "t84"
                    ON "t78"."entity_id" = "t84"."st_key"
                ) AS "t86"
                GROUP BY
                  1
              ) AS "t88"
                ON "t62"."entity_id" = "t88"."key"
            ) AS "t91"
            LEFT OUTER JOIN (
              SELECT
                "t77"."key",
                "t77"."value" AS "s__sessions_14d"
              FROM (
                SELECT
                  "t74"."key",
                  SUM("t74"."new") AS "value"
                FROM (
                  SELECT
                    "t68"."entity_id" AS "key",
                    IFF(
                      (
                        LAG("t68"."timestamp") OVER (PARTITION BY "t68"."entity_id" ORDER BY "t68"."timestamp" ASC) IS NULL
                      )
                      OR (
                        (
                          DATE_PART('epoch', "t68"."timestamp") - DATE_PART(
                            'epoch',
                            LAG("t68"."timestamp") OVER (PARTITION BY "t68"."entity_id" ORDER BY "t68"."timestamp" ASC)
                          )
                        ) > 1800.0
                      ),
                      1,
                      0
                    ) AS "new"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t42"."message_id",
                        "t42"."type",
                        "t42"."event",
                        "t42"."name",
                        "t42"."user_id",
                        "t42"."anonymous_id",
                        "t42"."group_id",
                        "t42"."previous_id",
                        "t42"."timestamp",
                        "t42"."original_timestamp",
                        "t42"."sent_at",
                        "t42"."received_at",
                        "t42"."properties",
                        "t42"."traits",
                        "t42"."context",
                        "t42"."source",
                        "t42"."loaded_at",
                        "t42"."person_id",
                        "t60"."account_id",
                        "t60"."email_domain",
                        "t42"."person_id" AS "entity_id"
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
                            COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                            (
                              "t6"."user_id" IS NOT NULL
                            ) OR (
                              "t37"."s_person" IS NOT NULL
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
                              "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                          ) AS "t6"
                          LEFT OUTER JOIN (
                            SELECT
                              "t35"."from_id" AS "s_from",
                              "t35"."person_id" AS "s_person"
                            FROM (
                              SELECT
                                "t33"."from_id",
                                COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t20"."from_id",
                                  COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t16"."from_id",
                                    "t16"."to_id" AS "person_id"
                                  FROM "t15" AS "t16"
                                  WHERE
                                    "t16"."rank" = 0
                                ) AS "t20"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t23"."from_id" AS "next_from",
                                    "t23"."to_id" AS "next_to"
                                  FROM "t19" AS "t23"
                                ) AS "t28"
                                  ON "t20"."person_id" = "t28"."next_from"
                              ) AS "t33"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t22"."from_id" AS "next_from",
                                  "t22"."to_id" AS "next_to"
                                FROM "t19" AS "t22"
                              ) AS "t27"
                                ON "t33"."person_id" = "t27"."next_from"
                            ) AS "t35"
                          ) AS "t37"
                            ON "t6"."_sender" = "t37"."s_from"
                        ) AS "t38"
                        WHERE
                          "t38"."is_known"
                      ) AS "t42"
                      LEFT OUTER JOIN (
                        SELECT
                          "t55"."user_id" AS "m_user",
                          "t55"."account_id",
                          "t55"."email_domain"
                        FROM "t54" AS "t55"
                      ) AS "t60"
                        ON "t42"."person_id" = "t60"."m_user"
                    ) AS "t65"
                    WHERE
                      "t65"."type" <> 'identify'
                      AND "t65"."type" <> 'group'
                      AND "t65"."type" <> 'alias'
                      AND "t65"."timestamp" >= TIMESTAMP_FROM_PARTS(2026, 3, 18, 0, 0, 0, 0)
                  ) AS "t68"
                ) AS "t74"
                GROUP BY
                  1
              ) AS "t77"
            ) AS "t81"
              ON "t91"."entity_id" = "t81"."key"
          ) AS "t94"
          LEFT OUTER JOIN (
            SELECT
              "t5"."group_id" AS "key",
              MAX_BY(
                IFF("t5"."s__employees" IS NOT NULL, "t5"."s__employees", NULL),
                IFF("t5"."s__employees" IS NOT NULL, "t5"."timestamp", NULL)
              ) AS "s__employees",
              MAX_BY(
                IFF("t5"."s__industry" IS NOT NULL, "t5"."s__industry", NULL),
                IFF("t5"."s__industry" IS NOT NULL, "t5"."timestamp", NULL)
              ) AS "s__industry"
            FROM (
              SELECT
                "t0"."group_id",
                "t0"."timestamp",
                AS_DOUBLE(GET("t0"."traits", 'employees')) AS "s__employees",
                AS_VARCHAR(GET("t0"."traits", 'industry')) AS "s__industry"
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND "t0"."traits" IS NOT NULL
                AND "t0"."group_id" IS NOT NULL
                AND "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
            ) AS "t5"
            GROUP BY
              1
          ) AS "t11"
            ON "t94"."account_id" = "t11"."key"
        ) AS "t97"
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t65"."entity_id" AS "key"
              FROM (
                SELECT
                  "t42"."message_id",
                  "t42"."type",
                  "t42"."event",
                  "t42"."name",
                  "t42"."user_id",
                  "t42"."anonymous_id",
                  "t42"."group_id",
                  "t42"."previous_id",
                  "t42"."timestamp",
                  "t42"."original_timestamp",
                  "t42"."sent_at",
                  "t42"."received_at",
                  "t42"."properties",
                  "t42"."traits",
                  "t42"."context",
                  "t42"."source",
                  "t42"."loaded_at",
                  "t42"."person_id",
                  "t60"."account_id",
                  "t60"."email_domain",
                  "t42"."person_id" AS "entity_id"
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
                      COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                      (
                        "t6"."user_id" IS NOT NULL
                      ) OR (
                        "t37"."s_person" IS NOT NULL
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
                        "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                    ) AS "t6"
                    LEFT OUTER JOIN (
                      SELECT
                        "t35"."from_id" AS "s_from",
                        "t35"."person_id" AS "s_person"
                      FROM (
                        SELECT
                          "t33"."from_id",
                          COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                        FROM (
                          SELECT
                            "t20"."from_id",
                            COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                          FROM (
                            SELECT
                              "t16"."from_id",
                              "t16"."to_id" AS "person_id"
                            FROM "t15" AS "t16"
                            WHERE
                              "t16"."rank" = 0
                          ) AS "t20"
                          LEFT OUTER JOIN (
                            SELECT
                              "t23"."from_id" AS "next_from",
                              "t23"."to_id" AS "next_to"
                            FROM "t19" AS "t23"
                          ) AS "t28"
                            ON "t20"."person_id" = "t28"."next_from"
                        ) AS "t33"
                        LEFT OUTER JOIN (
                          SELECT
                            "t22"."from_id" AS "next_from",
                            "t22"."to_id" AS "next_to"
                          FROM "t19" AS "t22"
                        ) AS "t27"
                          ON "t33"."person_id" = "t27"."next_from"
                      ) AS "t35"
                    ) AS "t37"
                      ON "t6"."_sender" = "t37"."s_from"
                  ) AS "t38"
                  WHERE
                    "t38"."is_known"
                ) AS "t42"
                LEFT OUTER JOIN (
                  SELECT
                    "t55"."user_id" AS "m_user",
                    "t55"."account_id",
                    "t55"."email_domain"
                  FROM "t54" AS "t55"
                ) AS "t60"
                  ON "t42"."person_id" = "t60"."m_user"
              ) AS "t65"
              WHERE
                "t65"."type" = 'track' AND "t65"."event" IN ('Subscription Started')
            ) AS "t66"
            UNION
            SELECT
              *
            FROM (
              SELECT
                "t63"."m_user" AS "key"
              FROM (
                SELECT
                  "t55"."user_id" AS "m_user",
                  "t55"."account_id",
                  "t55"."email_domain",
                  "t55"."first_seen",
                  "t55"."last_seen"
                FROM "t54" AS "t55"
                WHERE
                  "t55"."account_id" IS NOT NULL
              ) AS "t63"
              INNER JOIN (
                SELECT DISTINCT
                  "t65"."account_id" AS "acc"
                FROM (
                  SELECT
                    "t42"."message_id",
                    "t42"."type",
                    "t42"."event",
                    "t42"."name",
                    "t42"."user_id",
                    "t42"."anonymous_id",
                    "t42"."group_id",
                    "t42"."previous_id",
                    "t42"."timestamp",
                    "t42"."original_timestamp",
                    "t42"."sent_at",
                    "t42"."received_at",
                    "t42"."properties",
                    "t42"."traits",
                    "t42"."context",
                    "t42"."source",
                    "t42"."loaded_at",
                    "t42"."person_id",
                    "t60"."account_id",
                    "t60"."email_domain",
                    "t42"."person_id" AS "entity_id"
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
                        COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                        (
                          "t6"."user_id" IS NOT NULL
                        ) OR (
                          "t37"."s_person" IS NOT NULL
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
                          "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                      ) AS "t6"
                      LEFT OUTER JOIN (
                        SELECT
                          "t35"."from_id" AS "s_from",
                          "t35"."person_id" AS "s_person"
                        FROM (
                          SELECT
                            "t33"."from_id",
                            COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                          FROM (
                            SELECT
                              "t20"."from_id",
                              COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t16"."from_id",
                                "t16"."to_id" AS "person_id"
                              FROM "t15" AS "t16"
                              WHERE
                                "t16"."rank" = 0
                            ) AS "t20"
                            LEFT OUTER JOIN (
                              SELECT
                                "t23"."from_id" AS "next_from",
                                "t23"."to_id" AS "next_to"
                              FROM "t19" AS "t23"
                            ) AS "t28"
                              ON "t20"."person_id" = "t28"."next_from"
                          ) AS "t33"
                          LEFT OUTER JOIN (
                            SELECT
                              "t22"."from_id" AS "next_from",
                              "t22"."to_id" AS "next_to"
                            FROM "t19" AS "t22"
                          ) AS "t27"
                            ON "t33"."person_id" = "t27"."next_from"
                        ) AS "t35"
                      ) AS "t37"
                        ON "t6"."_sender" = "t37"."s_from"
                    ) AS "t38"
                    WHERE
                      "t38"."is_known"
                  ) AS "t42"
                  LEFT OUTER JOIN (
                    SELECT
                      "t55"."user_id" AS "m_user",
                      "t55"."account_id",
                      "t55"."email_domain"
                    FROM "t54" AS "t55"
                  ) AS "t60"
                    ON "t42"."person_id" = "t60"."m_user"
                ) AS "t65"
                WHERE
                  "t65"."type" = 'track'
                  AND "t65"."event" IN ('Subscription Started')
                  AND "t65"."account_id" IS NOT NULL
              ) AS "t69"
                ON "t63"."account_id" = "t69"."acc"
            ) AS "t70"
          ) AS "t71"
        ) AS "t73"
          ON "t97"."entity_id" = "t73"."key"
      ) AS "t99"
      WHERE
        NOT (
          "t99"."paying"
        )
    ) AS "t101"
  ) AS "t103"
) AS "t105";
