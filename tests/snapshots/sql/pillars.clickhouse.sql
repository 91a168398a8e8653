WITH "t19" AS (
  SELECT
    "t16"."from_id" AS "from_id",
    "t16"."to_id" AS "to_id",
    "t16"."linked_at" AS "linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t16"."from_id"
      ORDER BY "t16"."linked_at" ASC, "t16"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t13"."from_id" AS "from_id",
      "t13"."to_id" AS "to_id",
      MIN("t13"."at") AS "linked_at"
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
            "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
            AND "t0"."type" = 'alias'
            AND isNotNull("t0"."previous_id")
            AND isNotNull("t0"."user_id")
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
            "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
            AND isNotNull("t0"."anonymous_id")
            AND isNotNull("t0"."user_id")
        ) AS "t5"
      ) AS "t10"
      WHERE
        "t10"."from_id" <> "t10"."to_id"
    ) AS "t13"
    GROUP BY
      "t13"."from_id",
      "t13"."to_id"
  ) AS "t16"
), "t22" AS (
  SELECT
    "t20"."from_id" AS "from_id",
    "t20"."to_id" AS "to_id",
    "t20"."linked_at" AS "linked_at"
  FROM "t19" AS "t20"
  WHERE
    "t20"."rank" = 0
), "t44" AS (
  SELECT
    "t9"."type" AS "type",
    "t9"."timestamp" AS "timestamp",
    "t9"."user_id" AS "user_id",
    "t9"."anonymous_id" AS "anonymous_id",
    "t9"."group_id" AS "group_id",
    "t9"."traits" AS "traits",
    COALESCE("t42"."s_person", "t9"."_sender") AS "person_id",
    isNotNull("t9"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
  FROM (
    SELECT
      "t0"."type" AS "type",
      "t0"."timestamp" AS "timestamp",
      "t0"."user_id" AS "user_id",
      "t0"."anonymous_id" AS "anonymous_id",
      "t0"."group_id" AS "group_id",
      "t0"."traits" AS "traits",
      COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
  ) AS "t9"
  LEFT OUTER JOIN (
    SELECT
      "t40"."from_id" AS "s_from",
      "t40"."person_id" AS "s_person"
    FROM (
      SELECT
        "t36"."from_id" AS "from_id",
        COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
      FROM (
        SELECT
          "t24"."from_id" AS "from_id",
          COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
        FROM (
          SELECT
            "t20"."from_id" AS "from_id",
            "t20"."to_id" AS "person_id"
          FROM "t19" AS "t20"
          WHERE
            "t20"."rank" = 0
        ) AS "t24"
        LEFT OUTER JOIN (
          SELECT
            "t27"."from_id" AS "next_from",
            "t27"."to_id" AS "next_to"
          FROM "t22" AS "t27"
        ) AS "t32"
          ON "t24"."person_id" = "t32"."next_from"
      ) AS "t36"
      LEFT OUTER JOIN (
        SELECT
          "t26"."from_id" AS "next_from",
          "t26"."to_id" AS "next_to"
        FROM "t22" AS "t26"
      ) AS "t31"
        ON "t36"."person_id" = "t31"."next_from"
    ) AS "t40"
  ) AS "t42"
    ON "t9"."_sender" = "t42"."s_from"
), "t59" AS (
  SELECT
    "t58"."user_id" AS "user_id",
    "t58"."email" AS "email",
    "t58"."email_domain" AS "email_domain",
    "t58"."first_seen" AS "first_seen",
    "t58"."last_seen" AS "last_seen",
    COALESCE(
      "t58"."group_account",
      "t38"."domain_account",
      CASE
        WHEN isNotNull("t58"."email_domain")
        AND NOT (
          "t58"."email_domain" IN (
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
        THEN CONCAT('domain:', "t58"."email_domain")
        ELSE NULL
      END
    ) AS "account_id",
    CASE
      WHEN isNotNull("t58"."group_account")
      THEN 'group'
      WHEN isNotNull("t38"."domain_account")
      THEN 'domain'
      WHEN isNotNull(
        CASE
          WHEN isNotNull("t58"."email_domain")
          AND NOT (
            "t58"."email_domain" IN (
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
          THEN CONCAT('domain:', "t58"."email_domain")
          ELSE NULL
        END
      )
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t55"."user_id" AS "user_id",
      "t55"."first_seen" AS "first_seen",
      "t55"."last_seen" AS "last_seen",
      "t55"."group_account" AS "group_account",
      "t55"."email" AS "email",
      nullIf(
        CASE
          WHEN (
            position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")), '@') - 1
          ) >= 0
          THEN SUBSTRING(
            LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")),
            CASE
              WHEN (
                (
                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")), '@') - 1
                ) + 1 + 1
              ) >= 1
              THEN (
                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")), '@') - 1
              ) + 1 + 1
              ELSE (
                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t55"."email")))
            END
          )
          ELSE NULL
        END,
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        "t51"."user_id" AS "user_id",
        "t51"."first_seen" AS "first_seen",
        "t51"."last_seen" AS "last_seen",
        "t51"."group_account" AS "group_account",
        "t53"."email" AS "email"
      FROM (
        SELECT
          "t48"."person_id" AS "user_id",
          MIN("t48"."timestamp") AS "first_seen",
          MAX("t48"."timestamp") AS "last_seen",
          argMaxIf(tuple("t48"."group_id"), "t48"."timestamp", isNotNull("t48"."group_id")).1 AS "group_account"
        FROM (
          SELECT
            *
          FROM "t44" AS "t45"
          WHERE
            "t45"."is_known"
        ) AS "t48"
        GROUP BY
          "t48"."person_id"
      ) AS "t51"
      LEFT OUTER JOIN (
        SELECT
          "t49"."e_user" AS "e_user",
          argMaxIf(
            tuple(
              CASE
                WHEN JSONType(JSONExtractRaw("t49"."traits", 'email')) = 'String'
                THEN JSONExtractString(JSONExtractRaw("t49"."traits", 'email'))
                ELSE NULL
              END
            ),
            "t49"."timestamp",
            isNotNull(
              CASE
                WHEN JSONType(JSONExtractRaw("t49"."traits", 'email')) = 'String'
                THEN JSONExtractString(JSONExtractRaw("t49"."traits", 'email'))
                ELSE NULL
              END
            )
          ).1 AS "email"
        FROM (
          SELECT
            "t45"."type" AS "type",
            "t45"."timestamp" AS "timestamp",
            "t45"."user_id" AS "user_id",
            "t45"."anonymous_id" AS "anonymous_id",
            "t45"."group_id" AS "group_id",
            "t45"."traits" AS "traits",
            "t45"."person_id" AS "person_id",
            "t45"."is_known" AS "is_known",
            "t45"."person_id" AS "e_user"
          FROM "t44" AS "t45"
          WHERE
            "t45"."is_known"
            AND "t45"."type" <> 'group'
            AND isNotNull("t45"."traits")
            AND isNotNull("t45"."person_id")
        ) AS "t49"
        GROUP BY
          "t49"."e_user"
      ) AS "t53"
        ON "t51"."user_id" = "t53"."e_user"
    ) AS "t55"
  ) AS "t58"
  LEFT OUTER JOIN (
    SELECT
      "t33"."domain" AS "domain",
      "t33"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t28"."group_id" AS "group_id",
        "t28"."since" AS "since",
        "t28"."domain" AS "domain",
        ROW_NUMBER() OVER (
          PARTITION BY "t28"."domain"
          ORDER BY "t28"."since" ASC, "t28"."group_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "rank"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t18"."group_id" AS "group_id",
            "t12"."since" AS "since",
            nullIf(
              replaceRegexpAll(
                replaceRegexpAll(
                  replaceRegexpAll(
                    LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM COALESCE("t18"."domain", "t18"."website"))),
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
            ) AS "domain"
          FROM (
            SELECT
              "t7"."group_id" AS "group_id",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t7"."traits", 'domain')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t7"."traits", 'domain'))
                    ELSE NULL
                  END
                ),
                "t7"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t7"."traits", 'domain')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t7"."traits", 'domain'))
                    ELSE NULL
                  END
                )
              ).1 AS "domain",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t7"."traits", 'website')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t7"."traits", 'website'))
                    ELSE NULL
                  END
                ),
                "t7"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t7"."traits", 'website')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t7"."traits", 'website'))
                    ELSE NULL
                  END
                )
              ).1 AS "website"
            FROM (
              SELECT
                *
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                AND "t0"."type" = 'group'
                AND isNotNull("t0"."group_id")
                AND isNotNull("t0"."traits")
            ) AS "t7"
            GROUP BY
              "t7"."group_id"
          ) AS "t18"
          INNER JOIN (
            SELECT
              "t2"."group_id" AS "fs_group",
              MIN("t2"."timestamp") AS "since"
            FROM (
              SELECT
                *
              FROM "events" AS "t0"
              WHERE
                "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                AND "t0"."type" = 'group'
                AND isNotNull("t0"."group_id")
            ) AS "t2"
            GROUP BY
              "t2"."group_id"
          ) AS "t12"
            ON "t18"."group_id" = "t12"."fs_group"
        ) AS "t23"
        WHERE
          isNotNull("t23"."domain")
      ) AS "t28"
    ) AS "t33"
    WHERE
      "t33"."rank" = 0
  ) AS "t38"
    ON "t58"."email_domain" = "t38"."domain"
)
SELECT
  "t109"."entity_id" AS "entity_id",
  "t109"."account_id" AS "account_id",
  "t109"."first_seen" AS "first_seen",
  "t109"."last_seen" AS "last_seen",
  "t109"."s__activated" AS "s__activated",
  "t109"."s__activated_within_7d" AS "s__activated_within_7d",
  "t109"."s__core_feature_30d" AS "s__core_feature_30d",
  "t109"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
  "t109"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
  "t109"."s__teammates_invited" AS "s__teammates_invited",
  "t109"."s__sessions_14d" AS "s__sessions_14d",
  "t109"."s__employees" AS "s__employees",
  "t109"."s__industry" AS "s__industry",
  "t109"."paying" AS "paying",
  "t109"."p__activation__0" AS "p__activation__0",
  "t109"."p__activation__1" AS "p__activation__1",
  "t109"."p__usage__0" AS "p__usage__0",
  "t109"."p__usage__1" AS "p__usage__1",
  "t109"."p__firmographic__0" AS "p__firmographic__0",
  "t109"."p__firmographic__1" AS "p__firmographic__1",
  "t109"."p__intent__0" AS "p__intent__0",
  "t109"."p__intent__1" AS "p__intent__1",
  "t109"."p__intent__2" AS "p__intent__2",
  "t109"."l__activation" AS "l__activation",
  "t109"."l__usage" AS "l__usage",
  "t109"."l__firmographic" AS "l__firmographic",
  "t109"."l__intent" AS "l__intent",
  "t109"."score" AS "score",
  CASE
    WHEN "t109"."score" >= 70.0
    THEN 'hot'
    WHEN "t109"."score" >= 50.0
    THEN 'pql'
    ELSE 'not qualified'
  END AS "tier",
  'user' AS "entity_type",
  parseDateTimeBestEffort('2026-04-01T00:00:00') AS "as_of"
FROM (
  SELECT
    "t107"."entity_id" AS "entity_id",
    "t107"."account_id" AS "account_id",
    "t107"."first_seen" AS "first_seen",
    "t107"."last_seen" AS "last_seen",
    "t107"."s__activated" AS "s__activated",
    "t107"."s__activated_within_7d" AS "s__activated_within_7d",
    "t107"."s__core_feature_30d" AS "s__core_feature_30d",
    "t107"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
    "t107"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
    "t107"."s__teammates_invited" AS "s__teammates_invited",
    "t107"."s__sessions_14d" AS "s__sessions_14d",
    "t107"."s__employees" AS "s__employees",
    "t107"."s__industry" AS "s__industry",
    "t107"."paying" AS "paying",
    "t107"."p__activation__0" AS "p__activation__0",
    "t107"."p__activation__1" AS "p__activation__1",
    "t107"."p__usage__0" AS "p__usage__0",
    "t107"."p__usage__1" AS "p__usage__1",
    "t107"."p__firmographic__0" AS "p__firmographic__0",
    "t107"."p__firmographic__1" AS "p__firmographic__1",
    "t107"."p__intent__0" AS "p__intent__0",
    "t107"."p__intent__1" AS "p__intent__1",
    "t107"."p__intent__2" AS "p__intent__2",
    "t107"."l__activation" AS "l__activation",
    "t107"."l__usage" AS "l__usage",
    "t107"."l__firmographic" AS "l__firmographic",
    "t107"."l__intent" AS "l__intent",
    "t107"."l__activation" + "t107"."l__usage" + "t107"."l__firmographic" + "t107"."l__intent" AS "score"
  FROM (
    SELECT
      "t105"."entity_id" AS "entity_id",
      "t105"."account_id" AS "account_id",
      "t105"."first_seen" AS "first_seen",
      "t105"."last_seen" AS "last_seen",
      "t105"."s__activated" AS "s__activated",
      "t105"."s__activated_within_7d" AS "s__activated_within_7d",
      "t105"."s__core_feature_30d" AS "s__core_feature_30d",
      "t105"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
      "t105"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
      "t105"."s__teammates_invited" AS "s__teammates_invited",
      "t105"."s__sessions_14d" AS "s__sessions_14d",
      "t105"."s__employees" AS "s__employees",
      "t105"."s__industry" AS "s__industry",
      "t105"."paying" AS "paying",
      "t105"."p__activation__0" AS "p__activation__0",
      "t105"."p__activation__1" AS "p__activation__1",
      "t105"."p__usage__0" AS "p__usage__0",
      "t105"."p__usage__1" AS "p__usage__1",
      "t105"."p__firmographic__0" AS "p__firmographic__0",
      "t105"."p__firmographic__1" AS "p__firmographic__1",
      "t105"."p__intent__0" AS "p__intent__0",
      "t105"."p__intent__1" AS "p__intent__1",
      "t105"."p__intent__2" AS "p__intent__2",
      LEAST(
        "t105"."p__activation__0" + "t105"."p__activation__1",
        CAST(30 AS Nullable(Float64))
      ) AS "l__activation",
      LEAST("t105"."p__usage__0" + "t105"."p__usage__1", CAST(30 AS Nullable(Float64))) AS "l__usage",
      LEAST(
        "t105"."p__firmographic__0" + "t105"."p__firmographic__1",
        CAST(25 AS Nullable(Float64))
      ) AS "l__firmographic",
      LEAST(
        "t105"."p__intent__0" + "t105"."p__intent__1" + "t105"."p__intent__2",
        CAST(30 AS Nullable(Float64))
      ) AS "l__intent"
    FROM (
      SELECT
        "t103"."entity_id" AS "entity_id",
        "t103"."account_id" AS "account_id",
        "t103"."first_seen" AS "first_seen",
        "t103"."last_seen" AS "last_seen",
        "t103"."s__activated" AS "s__activated",
        "t103"."s__activated_within_7d" AS "s__activated_within_7d",
        "t103"."s__core_feature_30d" AS "s__core_feature_30d",
        "t103"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
        "t103"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
        "t103"."s__teammates_invited" AS "s__teammates_invited",
        "t103"."s__sessions_14d" AS "s__sessions_14d",
        "t103"."s__employees" AS "s__employees",
        "t103"."s__industry" AS "s__industry",
        "t103"."paying" AS "paying",
        CASE
          WHEN COALESCE("t103"."s__activated", FALSE)
          THEN CAST(20 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__activation__0",
        CASE
          WHEN COALESCE("t103"."s__activated_within_7d", FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__activation__1",
        COALESCE(
          CASE
            WHEN (
              "t103"."s__sessions_14d" >= 3.0
            ) AND (
              "t103"."s__sessions_14d" <= 6.0
            )
            THEN CAST(10 AS Nullable(Float64))
            WHEN "t103"."s__sessions_14d" >= 7.0
            THEN CAST(20 AS Nullable(Float64))
            ELSE CAST(0 AS Nullable(Float64))
          END,
          CAST(0 AS Nullable(Float64))
        ) AS "p__usage__0",
        CASE
          WHEN COALESCE("t103"."s__core_feature_30d" >= 5.0, FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__usage__1",
        COALESCE(
          CASE
            WHEN (
              "t103"."s__employees" >= 50.0
            ) AND (
              "t103"."s__employees" <= 199.0
            )
            THEN CAST(10 AS Nullable(Float64))
            WHEN "t103"."s__employees" >= 200.0
            THEN CAST(20 AS Nullable(Float64))
            ELSE CAST(0 AS Nullable(Float64))
          END,
          CAST(0 AS Nullable(Float64))
        ) AS "p__firmographic__0",
        CASE
          WHEN COALESCE("t103"."s__industry" IN ('Software', 'Financial Services', 'Healthcare'), FALSE)
          THEN CAST(5 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__firmographic__1",
        CASE
          WHEN COALESCE("t103"."s__paywall_hits_30d" >= 1.0, FALSE)
          THEN CAST(15 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__0",
        CASE
          WHEN COALESCE("t103"."s__enterprise_views_30d" >= 1.0, FALSE)
          THEN CAST(15 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__1",
        CASE
          WHEN COALESCE("t103"."s__teammates_invited" >= 2.0, FALSE)
          THEN CAST(10 AS Nullable(Float64))
          ELSE CAST(0 AS Nullable(Float64))
        END AS "p__intent__2"
      FROM (
        SELECT
          "t101"."entity_id" AS "entity_id",
          "t101"."account_id" AS "account_id",
          "t101"."first_seen" AS "first_seen",
          "t101"."last_seen" AS "last_seen",
          "t101"."s__activated" AS "s__activated",
          "t101"."s__activated_within_7d" AS "s__activated_within_7d",
          "t101"."s__core_feature_30d" AS "s__core_feature_30d",
          "t101"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
          "t101"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
          "t101"."s__teammates_invited" AS "s__teammates_invited",
          "t101"."s__sessions_14d" AS "s__sessions_14d",
          "t101"."s__employees" AS "s__employees",
          "t101"."s__industry" AS "s__industry",
          isNotNull("t84"."key") AS "paying"
        FROM (
          SELECT
            "t98"."entity_id" AS "entity_id",
            "t98"."account_id" AS "account_id",
            "t98"."first_seen" AS "first_seen",
            "t98"."last_seen" AS "last_seen",
            "t98"."s__activated" AS "s__activated",
            "t98"."s__activated_within_7d" AS "s__activated_within_7d",
            "t98"."s__core_feature_30d" AS "s__core_feature_30d",
            "t98"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
            "t98"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
            "t98"."s__teammates_invited" AS "s__teammates_invited",
            "t98"."s__sessions_14d" AS "s__sessions_14d",
            "t17"."s__employees" AS "s__employees",
            "t17"."s__industry" AS "s__industry"
          FROM (
            SELECT
              "t95"."entity_id" AS "entity_id",
              "t95"."account_id" AS "account_id",
              "t95"."first_seen" AS "first_seen",
              "t95"."last_seen" AS "last_seen",
              "t95"."s__activated" AS "s__activated",
              "t95"."s__activated_within_7d" AS "s__activated_within_7d",
              "t95"."s__core_feature_30d" AS "s__core_feature_30d",
              "t95"."s__paywall_hits_30d" AS "s__paywall_hits_30d",
              "t95"."s__enterprise_views_30d" AS "s__enterprise_views_30d",
              "t95"."s__teammates_invited" AS "s__teammates_invited",
              COALESCE("t90"."s__sessions_14d", 0) AS "s__sessions_14d"
            FROM (
              SELECT
                "t67"."entity_id" AS "entity_id",
                "t67"."account_id" AS "account_id",
                "t67"."first_seen" AS "first_seen",
                "t67"."last_seen" AS "last_seen",
                COALESCE("t92"."s__activated", FALSE) AS "s__activated",
                COALESCE("t92"."s__activated_within_7d", FALSE) AS "s__activated_within_7d",
                COALESCE("t92"."s__core_feature_30d", 0) AS "s__core_feature_30d",
                COALESCE("t92"."s__paywall_hits_30d", 0) AS "s__paywall_hits_30d",
                COALESCE("t92"."s__enterprise_views_30d", 0) AS "s__enterprise_views_30d",
                COALESCE("t92"."s__teammates_invited", 0) AS "s__teammates_invited"
              FROM (
                SELECT
                  "t60"."user_id" AS "entity_id",
                  "t60"."account_id" AS "account_id",
                  "t60"."first_seen" AS "first_seen",
                  "t60"."last_seen" AS "last_seen"
                FROM "t59" AS "t60"
              ) AS "t67"
              LEFT OUTER JOIN (
                SELECT
                  "t88"."entity_id" AS "key",
                  (
                    countIf((
                      "t88"."type" = 'track'
                    ) AND "t88"."event" IN ('Project Created')) >= 1
                  )
                  AND (
                    countIf((
                      "t88"."type" = 'track'
                    ) AND "t88"."event" IN ('Data Source Connected')) >= 1
                  )
                  AND (
                    countIf((
                      "t88"."type" = 'track'
                    ) AND "t88"."event" IN ('Dashboard Created')) >= 1
                  ) AS "s__activated",
                  (
                    countIf(
                      (
                        "t88"."type" = 'track'
                      )
                      AND "t88"."event" IN ('Project Created')
                      AND (
                        "t88"."timestamp" < (
                          "t88"."start" + INTERVAL '604800' SECOND
                        )
                      )
                    ) >= 1
                  )
                  AND (
                    countIf(
                      (
                        "t88"."type" = 'track'
                      )
                      AND "t88"."event" IN ('Data Source Connected')
                      AND (
                        "t88"."timestamp" < (
                          "t88"."start" + INTERVAL '604800' SECOND
                        )
                      )
                    ) >= 1
                  )
                  AND (
                    countIf(
                      (
                        "t88"."type" = 'track'
                      )
                      AND "t88"."event" IN ('Dashboard Created')
                      AND (
                        "t88"."timestamp" < (
                          "t88"."start" + INTERVAL '604800' SECOND
                        )
                      )
                    ) >= 1
                  ) AS "s__activated_within_7d",
                  countIf(
                    (
                      "t88"."type" = 'track'
                    )
                    AND "t88"."event" IN ('Report Created')
                    AND (
                      "t88"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                    )
                  ) AS "s__core_feature_30d",
                  countIf(
                    (
                      "t88"."type" = 'track'
                    )
                    AND "t88"."event" IN ('Paywall Hit')
                    AND (
                      "t88"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                    )
                  ) AS "s__paywall_hits_30d",
                  countIf(
                    (
                      "t88"."type" = 'track'
                    )
                    AND "t88"."event" IN ('Enterprise Feature Viewed')
                    AND COALESCE(
                      CASE
                        WHEN JSONType(JSONExtractRaw("t88"."properties", 'feature')) = 'String'
                        THEN JSONExtractString(JSONExtractRaw("t88"."properties", 'feature'))
                        ELSE NULL
                      END IN ('SSO', 'SCIM', 'Audit Log', 'Admin Settings'),
                      FALSE
                    )
                    AND (
                      "t88"."timestamp" >= parseDateTimeBestEffort('2026-03-02T00:00:00')
                    )
                  ) AS "s__enterprise_views_30d",
                  countIf((
                    "t88"."type" = 'track'
                  ) AND "t88"."event" IN ('Invite Sent') AND TRUE) AS "s__teammates_invited"
                FROM (
                  SELECT
                    "t71"."message_id" AS "message_id",
                    "t71"."type" AS "type",
                    "t71"."event" AS "event",
                    "t71"."name" AS "name",
                    "t71"."user_id" AS "user_id",
                    "t71"."anonymous_id" AS "anonymous_id",
                    "t71"."group_id" AS "group_id",
                    "t71"."previous_id" AS "previous_id",
                    "t71"."timestamp" AS "timestamp",
                    "t71"."original_timestamp" AS "original_timestamp",
                    "t71"."sent_at" AS "sent_at",
                    "t71"."received_at" AS "received_at",
                    "t71"."properties" AS "properties",
                    "t71"."traits" AS "traits",
                    "t71"."context" AS "context",
                    "t71"."source" AS "source",
                    "t71"."loaded_at" AS "loaded_at",
                    "t71"."person_id" AS "person_id",
                    "t71"."account_id" AS "account_id",
                    "t71"."email_domain" AS "email_domain",
                    "t71"."entity_id" AS "entity_id",
                    "t83"."start" AS "start"
                  FROM (
                    SELECT
                      "t47"."message_id" AS "message_id",
                      "t47"."type" AS "type",
                      "t47"."event" AS "event",
                      "t47"."name" AS "name",
                      "t47"."user_id" AS "user_id",
                      "t47"."anonymous_id" AS "anonymous_id",
                      "t47"."group_id" AS "group_id",
                      "t47"."previous_id" AS "previous_id",
                      "t47"."timestamp" AS "timestamp",
                      "t47"."original_timestamp" AS "original_timestamp",
                      "t47"."sent_at" AS "sent_at",
                      "t47"."received_at" AS "received_at",
                      "t47"."properties" AS "properties",
                      "t47"."traits" AS "traits",
                      "t47"."context" AS "context",
                      "t47"."source" AS "source",
                      "t47"."loaded_at" AS "loaded_at",
                      "t47"."person_id" AS "person_id",
                      "t65"."account_id" AS "account_id",
                      "t65"."email_domain" AS "email_domain",
                      "t47"."person_id" AS "entity_id"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t8"."message_id" AS "message_id",
                          "t8"."type" AS "type",
                          "t8"."event" AS "event",
                          "t8"."name" AS "name",
                          "t8"."user_id" AS "user_id",
                          "t8"."anonymous_id" AS "anonymous_id",
                          "t8"."group_id" AS "group_id",
                          "t8"."previous_id" AS "previous_id",
                          "t8"."timestamp" AS "timestamp",
                          "t8"."original_timestamp" AS "original_timestamp",
                          "t8"."sent_at" AS "sent_at",
                          "t8"."received_at" AS "received_at",
                          "t8"."properties" AS "properties",
                          "t8"."traits" AS "traits",
                          "t8"."context" AS "context",
                          "t8"."source" AS "source",
                          "t8"."loaded_at" AS "loaded_at",
                          COALESCE("t42"."s_person", "t8"."_sender") AS "person_id",
                          isNotNull("t8"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
                        FROM (
                          SELECT
                            "t0"."message_id" AS "message_id",
                            "t0"."type" AS "type",
                            "t0"."event" AS "event",
                            "t0"."name" AS "name",
                            "t0"."user_id" AS "user_id",
                            "t0"."anonymous_id" AS "anonymous_id",
                            "t0"."group_id" AS "group_id",
                            "t0"."previous_id" AS "previous_id",
                            "t0"."timestamp" AS "timestamp",
                            "t0"."original_timestamp" AS "original_timestamp",
                            "t0"."sent_at" AS "sent_at",
                            "t0"."received_at" AS "received_at",
                            "t0"."properties" AS "properties",
                            "t0"."traits" AS "traits",
                            "t0"."context" AS "context",
                            "t0"."source" AS "source",
                            "t0"."loaded_at" AS "loaded_at",
                            COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                          FROM "events" AS "t0"
                          WHERE
                            "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                        ) AS "t8"
                        LEFT OUTER JOIN (
                          SELECT
                            "t40"."from_id" AS "s_from",
                            "t40"."person_id" AS "s_person"
                          FROM (
                            SELECT
                              "t36"."from_id" AS "from_id",
                              COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t24"."from_id" AS "from_id",
                                COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t20"."from_id" AS "from_id",
                                  "t20"."to_id" AS "person_id"
                                FROM "t19" AS "t20"
                                WHERE
                                  "t20"."rank" = 0
                              ) AS "t24"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t27"."from_id" AS "next_from",
                                  "t27"."to_id" AS "next_to"
                                FROM "t22" AS "t27"
                              ) AS "t32"
                                ON "t24"."person_id" = "t32"."next_from"
                            ) AS "t36"
                            LEFT OUTER JOIN (
                              SELECT
                                "t26"."from_id" AS "next_from",
                                "t26"."to_id" AS "next_to"
                              FROM "t22" AS "t26"
                            ) AS "t31"
                              ON "t36"."person_id" = "t31"."next_from"
                          ) AS "t40"
                        ) AS "t42"
                          ON "t8"."_sender" = "t42"."s_from"
                      ) AS "t43"
                      WHERE
                        "t43"."is_known"
                    ) AS "t47"
                    LEFT OUTER JOIN (
                      SELECT
                        "t60"."user_id" AS "m_user",
                        "t60"."account_id" AS "account_id",
                        "t60"."email_domain" AS "email_domain"
                      FROM "t59" AS "t60"
                    ) AS "t65"
                      ON "t47"."person_id" = "t65"."m_user"
                  ) AS "t71"
                  LEFT OUTER JOIN (
                    SELECT
                      "t66"."f_key" AS "st_key",
                      COALESCE("t78"."s_at", "t66"."f_at") AS "start"
                    FROM (
                      SELECT
                        "t60"."user_id" AS "f_key",
                        "t60"."first_seen" AS "f_at"
                      FROM "t59" AS "t60"
                    ) AS "t66"
                    LEFT OUTER JOIN (
                      SELECT
                        "t73"."entity_id" AS "s_key",
                        MIN("t73"."timestamp") AS "s_at"
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t47"."message_id" AS "message_id",
                            "t47"."type" AS "type",
                            "t47"."event" AS "event",
                            "t47"."name" AS "name",
                            "t47"."user_id" AS "user_id",
                            "t47"."anonymous_id" AS "anonymous_id",
                            "t47"."group_id" AS "group_id",
                            "t47"."previous_id" AS "previous_id",
                            "t47"."timestamp" AS "timestamp",
                            "t47"."original_timestamp" AS "original_timestamp",
                            "t47"."sent_at" AS "sent_at",
                            "t47"."received_at" AS "received_at",
                            "t47"."properties" AS "properties",
                            "t47"."traits" AS "traits",
                            "t47"."context" AS "context",
                            "t47"."source" AS "source",
                            "t47"."loaded_at" AS "loaded_at",
                            "t47"."person_id" AS "person_id",
                            "t65"."account_id" AS "account_id",
                            "t65"."email_domain" AS "email_domain",
                            "t47"."person_id" AS "entity_id"
                          FROM (
                            SELECT
                              *
                            FROM (
                              SELECT
                                "t8"."message_id" AS "message_id",
                                "t8"."type" AS "type",
                                "t8"."event" AS "event",
                                "t8"."name" AS "name",
                                "t8"."user_id" AS "user_id",
                                "t8"."anonymous_id" AS "anonymous_id",
                                "t8"."group_id" AS "group_id",
                                "t8"."previous_id" AS "previous_id",
                                "t8"."timestamp" AS "timestamp",
                                "t8"."original_timestamp" AS "original_timestamp",
                                "t8"."sent_at" AS "sent_at",
                                "t8"."received_at" AS "received_at",
                                "t8"."properties" AS "properties",
                                "t8"."traits" AS "traits",
                                "t8"."context" AS "context",
                                "t8"."source" AS "source",
                                "t8"."loaded_at" AS "loaded_at",
                                COALESCE("t42"."s_person", "t8"."_sender") AS "person_id",
                                isNotNull("t8"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
                              FROM (
                                SELECT
                                  "t0"."message_id" AS "message_id",
                                  "t0"."type" AS "type",
                                  "t0"."event" AS "event",
                                  "t0"."name" AS "name",
                                  "t0"."user_id" AS "user_id",
                                  "t0"."anonymous_id" AS "anonymous_id",
                                  "t0"."group_id" AS "group_id",
                                  "t0"."previous_id" AS "previous_id",
                                  "t0"."timestamp" AS "timestamp",
                                  "t0"."original_timestamp" AS "original_timestamp",
                                  "t0"."sent_at" AS "sent_at",
                                  "t0"."received_at" AS "received_at",
                                  "t0"."properties" AS "properties",
                                  "t0"."traits" AS "traits",
                                  "t0"."context" AS "context",
                                  "t0"."source" AS "source",
                                  "t0"."loaded_at" AS "loaded_at",
                                  COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                                FROM "events" AS "t0"
                                WHERE
                                  "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                              ) AS "t8"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t40"."from_id" AS "s_from",
                                  "t40"."person_id" AS "s_person"
                                FROM (
                                  SELECT
                                    "t36"."from_id" AS "from_id",
                                    COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
                                  FROM (
                                    SELECT
                                      "t24"."from_id" AS "from_id",
                                      COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
                                    FROM (
                                      SELECT
                                        "t20"."from_id" AS "from_id",
                                        "t20"."to_id" AS "person_id"
                                      FROM "t19" AS "t20"
                                      WHERE
                                        "t20"."rank" = 0
                                    ) AS "t24"
                                    LEFT OUTER JOIN (
                                      SELECT
                                        "t27"."from_id" AS "next_from",
                                        "t27"."to_id" AS "next_to"
                                      FROM "t22" AS "t27"
                                    ) AS "t32"
                                      ON "t24"."person_id" = "t32"."next_from"
                                  ) AS "t36"
                                  LEFT OUTER JOIN (
                                    SELECT
                                      "t26"."from_id" AS "next_from",
                                      "t26"."to_id" AS "next_to"
                                    FROM "t22" AS "t26"
                                  ) AS "t31"
                                    ON "t36"."person_id" = "t31"."next_from"
                                ) AS "t40"
                              ) AS "t42"
                                ON "t8"."_sender" = "t42"."s_from"
                            ) AS "t43"
                            WHERE
                              "t43"."is_known"
                          ) AS "t47"
                          LEFT OUTER JOIN (
                            SELECT
                              "t60"."user_id" AS "m_user",
                              "t60"."account_id" AS "account_id",
                              "t60"."email_domain" AS "email_domain"
                            FROM "t59" AS "t60"
                          ) AS "t65"
                            ON "t47"."person_id" = "t65"."m_user"
                        ) AS "t70"
                        WHERE
                          "t70"."type" = 'track' AND "t70"."event" = 'Signed Up'
                      ) AS "t73"
                      GROUP BY
                        "t73"."entity_id"
                    ) AS "t78"
                      ON "t66"."f_key" = "t78"."s_key"
                  ) AS "t83"
                    ON "t71"."entity_id" = "t83"."st_key"
                ) AS "t88"
                GROUP BY
                  "t88"."entity_id"
              ) AS "t92"
                ON "t67"."entity_id" = "t92"."key"
            ) AS "t95"
            LEFT OUTER JOIN (
              SELECT
                "t86"."key" AS "key",
                "t86"."value" AS "s__sessions_14d"
              FROM (
                SELECT
                  "t85"."key" AS "key",
                  SUM("t85"."new") AS "value"
                FROM (
                  SELECT
                    "t75"."entity_id" AS "key",
                    CASE
                      WHEN isNull(
                        lagInFrame("t75"."timestamp") OVER (
                          PARTITION BY "t75"."entity_id"
                          ORDER BY "t75"."timestamp" ASC
                          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                        )
                      )
                      OR (
                        (
                          toRelativeSecondNum("t75"."timestamp") - toRelativeSecondNum(
                            lagInFrame("t75"."timestamp") OVER (
                              PARTITION BY "t75"."entity_id"
                              ORDER BY "t75"."timestamp" ASC
                              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
                            )
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
                        "t47"."message_id" AS "message_id",
                        "t47"."type" AS "type",
                        "t47"."event" AS "event",
                        "t47"."name" AS "name",
                        "t47"."user_id" AS "user_id",
                        "t47"."anonymous_id" AS "anonymous_id",
                        "t47"."group_id" AS "group_id",
                        "t47"."previous_id" AS "previous_id",
                        "t47"."timestamp" AS "timestamp",
                        "t47"."original_timestamp" AS "original_timestamp",
                        "t47"."sent_at" AS "sent_at",
                        "t47"."received_at" AS "received_at",
                        "t47"."properties" AS "properties",
                        "t47"."traits" AS "traits",
                        "t47"."context" AS "context",
                        "t47"."source" AS "source",
                        "t47"."loaded_at" AS "loaded_at",
                        "t47"."person_id" AS "person_id",
                        "t65"."account_id" AS "account_id",
                        "t65"."email_domain" AS "email_domain",
                        "t47"."person_id" AS "entity_id"
                      FROM (
                        SELECT
                          *
                        FROM (
                          SELECT
                            "t8"."message_id" AS "message_id",
                            "t8"."type" AS "type",
                            "t8"."event" AS "event",
                            "t8"."name" AS "name",
                            "t8"."user_id" AS "user_id",
                            "t8"."anonymous_id" AS "anonymous_id",
                            "t8"."group_id" AS "group_id",
                            "t8"."previous_id" AS "previous_id",
                            "t8"."timestamp" AS "timestamp",
                            "t8"."original_timestamp" AS "original_timestamp",
                            "t8"."sent_at" AS "sent_at",
                            "t8"."received_at" AS "received_at",
                            "t8"."properties" AS "properties",
                            "t8"."traits" AS "traits",
                            "t8"."context" AS "context",
                            "t8"."source" AS "source",
                            "t8"."loaded_at" AS "loaded_at",
                            COALESCE("t42"."s_person", "t8"."_sender") AS "person_id",
                            isNotNull("t8"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
                          FROM (
                            SELECT
                              "t0"."message_id" AS "message_id",
                              "t0"."type" AS "type",
                              "t0"."event" AS "event",
                              "t0"."name" AS "name",
                              "t0"."user_id" AS "user_id",
                              "t0"."anonymous_id" AS "anonymous_id",
                              "t0"."group_id" AS "group_id",
                              "t0"."previous_id" AS "previous_id",
                              "t0"."timestamp" AS "timestamp",
                              "t0"."original_timestamp" AS "original_timestamp",
                              "t0"."sent_at" AS "sent_at",
                              "t0"."received_at" AS "received_at",
                              "t0"."properties" AS "properties",
                              "t0"."traits" AS "traits",
                              "t0"."context" AS "context",
                              "t0"."source" AS "source",
                              "t0"."loaded_at" AS "loaded_at",
                              COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                            FROM "events" AS "t0"
                            WHERE
                              "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                          ) AS "t8"
                          LEFT OUTER JOIN (
                            SELECT
                              "t40"."from_id" AS "s_from",
                              "t40"."person_id" AS "s_person"
                            FROM (
                              SELECT
                                "t36"."from_id" AS "from_id",
                                COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t24"."from_id" AS "from_id",
                                  COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
                                FROM (
                                  SELECT
                                    "t20"."from_id" AS "from_id",
                                    "t20"."to_id" AS "person_id"
                                  FROM "t19" AS "t20"
                                  WHERE
                                    "t20"."rank" = 0
                                ) AS "t24"
                                LEFT OUTER JOIN (
                                  SELECT
                                    "t27"."from_id" AS "next_from",
                                    "t27"."to_id" AS "next_to"
                                  FROM "t22" AS "t27"
                                ) AS "t32"
                                  ON "t24"."person_id" = "t32"."next_from"
                              ) AS "t36"
                              LEFT OUTER JOIN (
                                SELECT
                                  "t26"."from_id" AS "next_from",
                                  "t26"."to_id" AS "next_to"
                                FROM "t22" AS "t26"
                              ) AS "t31"
                                ON "t36"."person_id" = "t31"."next_from"
                            ) AS "t40"
                          ) AS "t42"
                            ON "t8"."_sender" = "t42"."s_from"
                        ) AS "t43"
                        WHERE
                          "t43"."is_known"
                      ) AS "t47"
                      LEFT OUTER JOIN (
                        SELECT
                          "t60"."user_id" AS "m_user",
                          "t60"."account_id" AS "account_id",
                          "t60"."email_domain" AS "email_domain"
                        FROM "t59" AS "t60"
                      ) AS "t65"
                        ON "t47"."person_id" = "t65"."m_user"
                    ) AS "t70"
                    WHERE
                      "t70"."type" IN ('track', 'page', 'screen')
                      AND "t70"."timestamp" >= parseDateTimeBestEffort('2026-03-18T00:00:00')
                  ) AS "t75"
                ) AS "t85"
                GROUP BY
                  "t85"."key"
              ) AS "t86"
            ) AS "t90"
              ON "t95"."entity_id" = "t90"."key"
          ) AS "t98"
          LEFT OUTER JOIN (
            SELECT
              "t6"."group_id" AS "key",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t6"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                    THEN JSONExtractFloat(JSONExtractRaw("t6"."traits", 'employees'))
                    ELSE NULL
                  END
                ),
                "t6"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t6"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                    THEN JSONExtractFloat(JSONExtractRaw("t6"."traits", 'employees'))
                    ELSE NULL
                  END
                )
              ).1 AS "s__employees",
              argMaxIf(
                tuple(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t6"."traits", 'industry')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'industry'))
                    ELSE NULL
                  END
                ),
                "t6"."timestamp",
                isNotNull(
                  CASE
                    WHEN JSONType(JSONExtractRaw("t6"."traits", 'industry')) = 'String'
                    THEN JSONExtractString(JSONExtractRaw("t6"."traits", 'industry'))
                    ELSE NULL
                  END
                )
              ).1 AS "s__industry"
            FROM (
              SELECT
                *
              FROM "events" AS "t0"
              WHERE
                "t0"."type" = 'group'
                AND isNotNull("t0"."traits")
                AND isNotNull("t0"."group_id")
                AND "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
            ) AS "t6"
            GROUP BY
              "t6"."group_id"
          ) AS "t17"
            ON "t98"."account_id" = "t17"."key"
        ) AS "t101"
        LEFT OUTER JOIN (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t70"."entity_id" AS "key"
              FROM (
                SELECT
                  "t47"."message_id" AS "message_id",
                  "t47"."type" AS "type",
                  "t47"."event" AS "event",
                  "t47"."name" AS "name",
                  "t47"."user_id" AS "user_id",
                  "t47"."anonymous_id" AS "anonymous_id",
                  "t47"."group_id" AS "group_id",
                  "t47"."previous_id" AS "previous_id",
                  "t47"."timestamp" AS "timestamp",
                  "t47"."original_timestamp" AS "original_timestamp",
                  "t47"."sent_at" AS "sent_at",
                  "t47"."received_at" AS "received_at",
                  "t47"."properties" AS "properties",
                  "t47"."traits" AS "traits",
                  "t47"."context" AS "context",
                  "t47"."source" AS "source",
                  "t47"."loaded_at" AS "loaded_at",
                  "t47"."person_id" AS "person_id",
                  "t65"."account_id" AS "account_id",
                  "t65"."email_domain" AS "email_domain",
                  "t47"."person_id" AS "entity_id"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t8"."message_id" AS "message_id",
                      "t8"."type" AS "type",
                      "t8"."event" AS "event",
                      "t8"."name" AS "name",
                      "t8"."user_id" AS "user_id",
                      "t8"."anonymous_id" AS "anonymous_id",
                      "t8"."group_id" AS "group_id",
                      "t8"."previous_id" AS "previous_id",
                      "t8"."timestamp" AS "timestamp",
                      "t8"."original_timestamp" AS "original_timestamp",
                      "t8"."sent_at" AS "sent_at",
                      "t8"."received_at" AS "received_at",
                      "t8"."properties" AS "properties",
                      "t8"."traits" AS "traits",
                      "t8"."context" AS "context",
                      "t8"."source" AS "source",
                      "t8"."loaded_at" AS "loaded_at",
                      COALESCE("t42"."s_person", "t8"."_sender") AS "person_id",
                      isNotNull("t8"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
                    FROM (
                      SELECT
                        "t0"."message_id" AS "message_id",
                        "t0"."type" AS "type",
                        "t0"."event" AS "event",
                        "t0"."name" AS "name",
                        "t0"."user_id" AS "user_id",
                        "t0"."anonymous_id" AS "anonymous_id",
                        "t0"."group_id" AS "group_id",
                        "t0"."previous_id" AS "previous_id",
                        "t0"."timestamp" AS "timestamp",
                        "t0"."original_timestamp" AS "original_timestamp",
                        "t0"."sent_at" AS "sent_at",
                        "t0"."received_at" AS "received_at",
                        "t0"."properties" AS "properties",
                        "t0"."traits" AS "traits",
                        "t0"."context" AS "context",
                        "t0"."source" AS "source",
                        "t0"."loaded_at" AS "loaded_at",
                        COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                      FROM "events" AS "t0"
                      WHERE
                        "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                    ) AS "t8"
                    LEFT OUTER JOIN (
                      SELECT
                        "t40"."from_id" AS "s_from",
                        "t40"."person_id" AS "s_person"
                      FROM (
                        SELECT
                          "t36"."from_id" AS "from_id",
                          COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
                        FROM (
                          SELECT
                            "t24"."from_id" AS "from_id",
                            COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
                          FROM (
                            SELECT
                              "t20"."from_id" AS "from_id",
                              "t20"."to_id" AS "person_id"
                            FROM "t19" AS "t20"
                            WHERE
                              "t20"."rank" = 0
                          ) AS "t24"
                          LEFT OUTER JOIN (
                            SELECT
                              "t27"."from_id" AS "next_from",
                              "t27"."to_id" AS "next_to"
                            FROM "t22" AS "t27"
                          ) AS "t32"
                            ON "t24"."person_id" = "t32"."next_from"
                        ) AS "t36"
                        LEFT OUTER JOIN (
                          SELECT
                            "t26"."from_id" AS "next_from",
                            "t26"."to_id" AS "next_to"
                          FROM "t22" AS "t26"
                        ) AS "t31"
                          ON "t36"."person_id" = "t31"."next_from"
                      ) AS "t40"
                    ) AS "t42"
                      ON "t8"."_sender" = "t42"."s_from"
                  ) AS "t43"
                  WHERE
                    "t43"."is_known"
                ) AS "t47"
                LEFT OUTER JOIN (
                  SELECT
                    "t60"."user_id" AS "m_user",
                    "t60"."account_id" AS "account_id",
                    "t60"."email_domain" AS "email_domain"
                  FROM "t59" AS "t60"
                ) AS "t65"
                  ON "t47"."person_id" = "t65"."m_user"
              ) AS "t70"
              WHERE
                "t70"."type" = 'track' AND "t70"."event" IN ('Subscription Started')
            ) AS "t72"
            UNION DISTINCT
            SELECT
              *
            FROM (
              SELECT
                "t68"."m_user" AS "key"
              FROM (
                SELECT
                  "t60"."user_id" AS "m_user",
                  "t60"."account_id" AS "account_id",
                  "t60"."email_domain" AS "email_domain",
                  "t60"."first_seen" AS "first_seen",
                  "t60"."last_seen" AS "last_seen"
                FROM "t59" AS "t60"
                WHERE
                  isNotNull("t60"."account_id")
              ) AS "t68"
              INNER JOIN (
                SELECT DISTINCT
                  "t70"."account_id" AS "acc"
                FROM (
                  SELECT
                    "t47"."message_id" AS "message_id",
                    "t47"."type" AS "type",
                    "t47"."event" AS "event",
                    "t47"."name" AS "name",
                    "t47"."user_id" AS "user_id",
                    "t47"."anonymous_id" AS "anonymous_id",
                    "t47"."group_id" AS "group_id",
                    "t47"."previous_id" AS "previous_id",
                    "t47"."timestamp" AS "timestamp",
                    "t47"."original_timestamp" AS "original_timestamp",
                    "t47"."sent_at" AS "sent_at",
                    "t47"."received_at" AS "received_at",
                    "t47"."properties" AS "properties",
                    "t47"."traits" AS "traits",
                    "t47"."context" AS "context",
                    "t47"."source" AS "source",
                    "t47"."loaded_at" AS "loaded_at",
                    "t47"."person_id" AS "person_id",
                    "t65"."account_id" AS "account_id",
                    "t65"."email_domain" AS "email_domain",
                    "t47"."person_id" AS "entity_id"
                  FROM (
                    SELECT
                      *
                    FROM (
                      SELECT
                        "t8"."message_id" AS "message_id",
                        "t8"."type" AS "type",
                        "t8"."event" AS "event",
                        "t8"."name" AS "name",
                        "t8"."user_id" AS "user_id",
                        "t8"."anonymous_id" AS "anonymous_id",
                        "t8"."group_id" AS "group_id",
                        "t8"."previous_id" AS "previous_id",
                        "t8"."timestamp" AS "timestamp",
                        "t8"."original_timestamp" AS "original_timestamp",
                        "t8"."sent_at" AS "sent_at",
                        "t8"."received_at" AS "received_at",
                        "t8"."properties" AS "properties",
                        "t8"."traits" AS "traits",
                        "t8"."context" AS "context",
                        "t8"."source" AS "source",
                        "t8"."loaded_at" AS "loaded_at",
                        COALESCE("t42"."s_person", "t8"."_sender") AS "person_id",
                        isNotNull("t8"."user_id") OR isNotNull("t42"."s_person") AS "is_known"
                      FROM (
                        SELECT
                          "t0"."message_id" AS "message_id",
                          "t0"."type" AS "type",
                          "t0"."event" AS "event",
                          "t0"."name" AS "name",
                          "t0"."user_id" AS "user_id",
                          "t0"."anonymous_id" AS "anonymous_id",
                          "t0"."group_id" AS "group_id",
                          "t0"."previous_id" AS "previous_id",
                          "t0"."timestamp" AS "timestamp",
                          "t0"."original_timestamp" AS "original_timestamp",
                          "t0"."sent_at" AS "sent_at",
                          "t0"."received_at" AS "received_at",
                          "t0"."properties" AS "properties",
                          "t0"."traits" AS "traits",
                          "t0"."context" AS "context",
                          "t0"."source" AS "source",
                          "t0"."loaded_at" AS "loaded_at",
                          COALESCE("t0"."user_id", "t0"."anonymous_id") AS "_sender"
                        FROM "events" AS "t0"
                        WHERE
                          "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
                      ) AS "t8"
                      LEFT OUTER JOIN (
                        SELECT
                          "t40"."from_id" AS "s_from",
                          "t40"."person_id" AS "s_person"
                        FROM (
                          SELECT
                            "t36"."from_id" AS "from_id",
                            COALESCE("t31"."next_to", "t36"."person_id") AS "person_id"
                          FROM (
                            SELECT
                              "t24"."from_id" AS "from_id",
                              COALESCE("t32"."next_to", "t24"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t20"."from_id" AS "from_id",
                                "t20"."to_id" AS "person_id"
                              FROM "t19" AS "t20"
                              WHERE
                                "t20"."rank" = 0
                            ) AS "t24"
                            LEFT OUTER JOIN (
                              SELECT
                                "t27"."from_id" AS "next_from",
                                "t27"."to_id" AS "next_to"
                              FROM "t22" AS "t27"
                            ) AS "t32"
                              ON "t24"."person_id" = "t32"."next_from"
                          ) AS "t36"
                          LEFT OUTER JOIN (
                            SELECT
                              "t26"."from_id" AS "next_from",
                              "t26"."to_id" AS "next_to"
                            FROM "t22" AS "t26"
                          ) AS "t31"
                            ON "t36"."person_id" = "t31"."next_from"
                        ) AS "t40"
                      ) AS "t42"
                        ON "t8"."_sender" = "t42"."s_from"
                    ) AS "t43"
                    WHERE
                      "t43"."is_known"
                  ) AS "t47"
                  LEFT OUTER JOIN (
                    SELECT
                      "t60"."user_id" AS "m_user",
                      "t60"."account_id" AS "account_id",
                      "t60"."email_domain" AS "email_domain"
                    FROM "t59" AS "t60"
                  ) AS "t65"
                    ON "t47"."person_id" = "t65"."m_user"
                ) AS "t70"
                WHERE
                  "t70"."type" = 'track'
                  AND "t70"."event" IN ('Subscription Started')
                  AND isNotNull("t70"."account_id")
              ) AS "t76"
                ON "t68"."account_id" = "t76"."acc"
            ) AS "t79"
          ) AS "t80"
        ) AS "t84"
          ON "t101"."entity_id" = "t84"."key"
      ) AS "t103"
      WHERE
        NOT (
          "t103"."paying"
        )
    ) AS "t105"
  ) AS "t107"
) AS "t109";
