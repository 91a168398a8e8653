WITH "t15" AS (
  SELECT
    "t13"."from_id" AS "from_id",
    "t13"."to_id" AS "to_id",
    "t13"."linked_at" AS "linked_at",
    ROW_NUMBER() OVER (
      PARTITION BY "t13"."from_id"
      ORDER BY "t13"."linked_at" ASC, "t13"."to_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1 AS "rank"
  FROM (
    SELECT
      "t9"."from_id" AS "from_id",
      "t9"."to_id" AS "to_id",
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
        ) AS "t3"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t9"
    GROUP BY
      "t9"."from_id",
      "t9"."to_id"
  ) AS "t13"
), "t19" AS (
  SELECT
    "t16"."from_id" AS "from_id",
    "t16"."to_id" AS "to_id",
    "t16"."linked_at" AS "linked_at"
  FROM "t15" AS "t16"
  WHERE
    "t16"."rank" = 0
), "t39" AS (
  SELECT
    "t7"."type" AS "type",
    "t7"."timestamp" AS "timestamp",
    "t7"."user_id" AS "user_id",
    "t7"."anonymous_id" AS "anonymous_id",
    "t7"."group_id" AS "group_id",
    "t7"."traits" AS "traits",
    COALESCE("t37"."s_person", "t7"."_sender") AS "person_id",
    isNotNull("t7"."user_id") OR isNotNull("t37"."s_person") AS "is_known"
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
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t35"."from_id" AS "s_from",
      "t35"."person_id" AS "s_person"
    FROM (
      SELECT
        "t33"."from_id" AS "from_id",
        COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
      FROM (
        SELECT
          "t20"."from_id" AS "from_id",
          COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
        FROM (
          SELECT
            "t16"."from_id" AS "from_id",
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
    "t53"."user_id" AS "user_id",
    "t53"."email" AS "email",
    "t53"."email_domain" AS "email_domain",
    "t53"."first_seen" AS "first_seen",
    "t53"."last_seen" AS "last_seen",
    COALESCE(
      "t53"."group_account",
      "t30"."domain_account",
      CASE
        WHEN isNotNull("t53"."email_domain")
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
        )
        THEN CONCAT('domain:', "t53"."email_domain")
        ELSE NULL
      END
    ) AS "account_id",
    CASE
      WHEN isNotNull("t53"."group_account")
      THEN 'group'
      WHEN isNotNull("t30"."domain_account")
      THEN 'domain'
      WHEN isNotNull(
        CASE
          WHEN isNotNull("t53"."email_domain")
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
          )
          THEN CONCAT('domain:', "t53"."email_domain")
          ELSE NULL
        END
      )
      THEN 'email'
      ELSE NULL
    END AS "account_via"
  FROM (
    SELECT
      "t50"."user_id" AS "user_id",
      "t50"."first_seen" AS "first_seen",
      "t50"."last_seen" AS "last_seen",
      "t50"."group_account" AS "group_account",
      "t50"."email" AS "email",
      nullIf(
        CASE
          WHEN (
            position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")), '@') - 1
          ) >= 0
          THEN SUBSTRING(
            LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")),
            CASE
              WHEN (
                (
                  position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")), '@') - 1
                ) + 1 + 1
              ) >= 1
              THEN (
                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")), '@') - 1
              ) + 1 + 1
              ELSE (
                position(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(BOTH ' \t\n\r\v\f' FROM "t50"."email")))
            END
          )
          ELSE NULL
        END,
        ''
      ) AS "email_domain"
    FROM (
      SELECT
        "t46"."user_id" AS "user_id",
        "t46"."first_seen" AS "first_seen",
        "t46"."last_seen" AS "last_seen",
        "t46"."group_account" AS "group_account",
        "t48"."email" AS "email"
      FROM (
        SELECT
          "t43"."person_id" AS "user_id",
          MIN("t43"."timestamp") AS "first_seen",
          MAX("t43"."timestamp") AS "last_seen",
          argMaxIf(tuple("t43"."group_id"), "t43"."timestamp", isNotNull("t43"."group_id")).1 AS "group_account"
        FROM (
          SELECT
            *
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
        ) AS "t43"
        GROUP BY
          "t43"."person_id"
      ) AS "t46"
      LEFT OUTER JOIN (
        SELECT
          "t44"."e_user" AS "e_user",
          argMaxIf(
            tuple(
              CASE
                WHEN JSONType(JSONExtractRaw("t44"."traits", 'email')) = 'String'
                THEN JSONExtractString(JSONExtractRaw("t44"."traits", 'email'))
                ELSE NULL
              END
            ),
            "t44"."timestamp",
            isNotNull(
              CASE
                WHEN JSONType(JSONExtractRaw("t44"."traits", 'email')) = 'String'
                THEN JSONExtractString(JSONExtractRaw("t44"."traits", 'email'))
                ELSE NULL
              END
            )
          ).1 AS "email"
        FROM (
          SELECT
            "t40"."type" AS "type",
            "t40"."timestamp" AS "timestamp",
            "t40"."user_id" AS "user_id",
            "t40"."anonymous_id" AS "anonymous_id",
            "t40"."group_id" AS "group_id",
            "t40"."traits" AS "traits",
            "t40"."person_id" AS "person_id",
            "t40"."is_known" AS "is_known",
            "t40"."person_id" AS "e_user"
          FROM "t39" AS "t40"
          WHERE
            "t40"."is_known"
            AND "t40"."type" <> 'group'
            AND isNotNull("t40"."traits")
            AND isNotNull("t40"."person_id")
        ) AS "t44"
        GROUP BY
          "t44"."e_user"
      ) AS "t48"
        ON "t46"."user_id" = "t48"."e_user"
    ) AS "t50"
  ) AS "t53"
  LEFT OUTER JOIN (
    SELECT
      "t24"."domain" AS "domain",
      "t24"."group_id" AS "domain_account"
    FROM (
      SELECT
        "t17"."group_id" AS "group_id",
        "t17"."since" AS "since",
        "t17"."domain" AS "domain",
        ROW_NUMBER() OVER (
          PARTITION BY "t17"."domain"
          ORDER BY "t17"."since" ASC, "t17"."group_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "rank"
      FROM (
        SELECT
          "t14"."group_id" AS "group_id",
          "t14"."since" AS "since",
          CASE WHEN isNotNull("t14"."domain_at") THEN "t14"."domain" ELSE "t14"."website" END AS "domain"
        FROM (
          SELECT
            "t12"."group_id" AS "group_id",
            MIN("t12"."timestamp") AS "since",
            maxIf("t12"."timestamp", "t12"."has_domain") AS "domain_at",
            argMaxIf(tuple("t12"."domain"), "t12"."timestamp", "t12"."has_domain").1 AS "domain",
            argMaxIf(tuple("t12"."website"), "t12"."timestamp", "t12"."has_website").1 AS "website"
          FROM (
            SELECT
              "t0"."group_id" AS "group_id",
              "t0"."timestamp" AS "timestamp",
              isNotNull(
                CASE
                  WHEN JSONType(JSONExtractRaw("t0"."traits", 'domain')) = 'String'
                  THEN JSONExtractString(JSONExtractRaw("t0"."traits", 'domain'))
                  ELSE NULL
                END
              ) AS "has_domain",
              isNotNull(
                CASE
                  WHEN JSONType(JSONExtractRaw("t0"."traits", 'website')) = 'String'
                  THEN JSONExtractString(JSONExtractRaw("t0"."traits", 'website'))
                  ELSE NULL
                END
              ) AS "has_website",
              nullIf(
                replaceRegexpAll(
                  replaceRegexpAll(
                    replaceRegexpAll(
                      LOWER(
                        TRIM(BOTH ' \t\n\r\v\f' FROM CASE
                          WHEN JSONType(JSONExtractRaw("t0"."traits", 'domain')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t0"."traits", 'domain'))
                          ELSE NULL
                        END)
                      ),
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
              nullIf(
                replaceRegexpAll(
                  replaceRegexpAll(
                    replaceRegexpAll(
                      LOWER(
                        TRIM(BOTH ' \t\n\r\v\f' FROM CASE
                          WHEN JSONType(JSONExtractRaw("t0"."traits", 'website')) = 'String'
                          THEN JSONExtractString(JSONExtractRaw("t0"."traits", 'website'))
                          ELSE NULL
                        END)
                      ),
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
              "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
              AND "t0"."type" = 'group'
              AND isNotNull("t0"."group_id")
          ) AS "t12"
          GROUP BY
            "t12"."group_id"
        ) AS "t14"
        WHERE
          isNotNull(
            CASE WHEN isNotNull("t14"."domain_at") THEN "t14"."domain" ELSE "t14"."website" END
          )
      ) AS "t17"
    ) AS "t24"
    WHERE
      "t24"."rank" = 0
  ) AS "t30"
    ON "t53"."email_domain" = "t30"."domain"
)
SELECT
  "t81"."entity_id" AS "entity_id",
  "t81"."account_id" AS "account_id",
  "t81"."first_seen" AS "first_seen",
  "t81"."last_seen" AS "last_seen",
  "t81"."s__users" AS "s__users",
  "t81"."s__core_workflows_7d" AS "s__core_workflows_7d",
  "t81"."s__employees" AS "s__employees",
  "t81"."paying" AS "paying",
  "t81"."q__all__0" AS "q__all__0",
  "t81"."q__all__1" AS "q__all__1",
  "t81"."q__all__2" AS "q__all__2",
  "t81"."score" AS "score",
  "t81"."tier" AS "tier",
  'account' AS "entity_type",
  parseDateTimeBestEffort('2026-04-01T00:00:00') AS "as_of"
FROM (
  SELECT
    "t80".*
    EXCEPT ("qualifies")
  FROM (
    SELECT
      "t79"."entity_id" AS "entity_id",
      "t79"."account_id" AS "account_id",
      "t79"."first_seen" AS "first_seen",
      "t79"."last_seen" AS "last_seen",
      "t79"."s__users" AS "s__users",
      "t79"."s__core_workflows_7d" AS "s__core_workflows_7d",
      "t79"."s__employees" AS "s__employees",
      "t79"."paying" AS "paying",
      "t79"."q__all__0" AS "q__all__0",
      "t79"."q__all__1" AS "q__all__1",
      "t79"."q__all__2" AS "q__all__2",
      "t79"."score" AS "score",
      "t79"."qualifies" AS "qualifies",
      CASE WHEN "t79"."qualifies" THEN 'pql' ELSE 'not qualified' END AS "tier"
    FROM (
      SELECT
        "t77"."entity_id" AS "entity_id",
        "t77"."account_id" AS "account_id",
        "t77"."first_seen" AS "first_seen",
        "t77"."last_seen" AS "last_seen",
        "t77"."s__users" AS "s__users",
        "t77"."s__core_workflows_7d" AS "s__core_workflows_7d",
        "t77"."s__employees" AS "s__employees",
        "t77"."paying" AS "paying",
        "t77"."q__all__0" AS "q__all__0",
        "t77"."q__all__1" AS "q__all__1",
        "t77"."q__all__2" AS "q__all__2",
        CAST(0 + CASE WHEN "t77"."q__all__0" THEN 1 ELSE 0 END + CASE WHEN "t77"."q__all__1" THEN 1 ELSE 0 END + CASE WHEN "t77"."q__all__2" THEN 1 ELSE 0 END AS Nullable(Float64)) AS "score",
        "t77"."q__all__0" AND "t77"."q__all__1" AND "t77"."q__all__2" AS "qualifies"
      FROM (
        SELECT
          "t75"."entity_id" AS "entity_id",
          "t75"."account_id" AS "account_id",
          "t75"."first_seen" AS "first_seen",
          "t75"."last_seen" AS "last_seen",
          "t75"."s__users" AS "s__users",
          "t75"."s__core_workflows_7d" AS "s__core_workflows_7d",
          "t75"."s__employees" AS "s__employees",
          "t75"."paying" AS "paying",
          COALESCE("t75"."s__users" >= 5.0, FALSE) AS "q__all__0",
          COALESCE("t75"."s__core_workflows_7d" >= 10.0, FALSE) AS "q__all__1",
          COALESCE("t75"."s__employees" >= 51.0, FALSE) AS "q__all__2"
        FROM (
          SELECT
            "t73"."entity_id" AS "entity_id",
            "t73"."account_id" AS "account_id",
            "t73"."first_seen" AS "first_seen",
            "t73"."last_seen" AS "last_seen",
            "t73"."s__users" AS "s__users",
            "t73"."s__core_workflows_7d" AS "s__core_workflows_7d",
            "t73"."s__employees" AS "s__employees",
            isNotNull("t65"."key") AS "paying"
          FROM (
            SELECT
              "t70"."entity_id" AS "entity_id",
              "t70"."account_id" AS "account_id",
              "t70"."first_seen" AS "first_seen",
              "t70"."last_seen" AS "last_seen",
              "t70"."s__users" AS "s__users",
              "t70"."s__core_workflows_7d" AS "s__core_workflows_7d",
              "t11"."s__employees" AS "s__employees"
            FROM (
              SELECT
                "t60"."entity_id" AS "entity_id",
                "t60"."account_id" AS "account_id",
                "t60"."first_seen" AS "first_seen",
                "t60"."last_seen" AS "last_seen",
                COALESCE("t67"."s__users", 0) AS "s__users",
                COALESCE("t67"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
              FROM (
                SELECT
                  "t57"."account_id" AS "entity_id",
                  MAX("t57"."account_id") AS "account_id",
                  MIN("t57"."first_seen") AS "first_seen",
                  MAX("t57"."last_seen") AS "last_seen"
                FROM (
                  SELECT
                    "t55"."user_id" AS "m_user",
                    "t55"."account_id" AS "account_id",
                    "t55"."email_domain" AS "email_domain",
                    "t55"."first_seen" AS "first_seen",
                    "t55"."last_seen" AS "last_seen"
                  FROM "t54" AS "t55"
                  WHERE
                    isNotNull("t55"."account_id")
                ) AS "t57"
                GROUP BY
                  "t57"."account_id"
              ) AS "t60"
              LEFT OUTER JOIN (
                SELECT
                  "t63"."entity_id" AS "key",
                  uniqIf("t63"."person_id", TRUE AND TRUE) AS "s__users",
                  countIf(
                    (
                      "t63"."type" = 'track'
                    )
                    AND "t63"."event" IN ('Report Created')
                    AND (
                      "t63"."timestamp" >= parseDateTimeBestEffort('2026-03-25T00:00:00')
                    )
                  ) AS "s__core_workflows_7d"
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t42"."message_id" AS "message_id",
                      "t42"."type" AS "type",
                      "t42"."event" AS "event",
                      "t42"."name" AS "name",
                      "t42"."user_id" AS "user_id",
                      "t42"."anonymous_id" AS "anonymous_id",
                      "t42"."group_id" AS "group_id",
                      "t42"."previous_id" AS "previous_id",
                      "t42"."timestamp" AS "timestamp",
                      "t42"."original_timestamp" AS "original_timestamp",
                      "t42"."sent_at" AS "sent_at",
                      "t42"."received_at" AS "received_at",
                      "t42"."properties" AS "properties",
                      "t42"."traits" AS "traits",
                      "t42"."context" AS "context",
                      "t42"."source" AS "source",
                      "t42"."loaded_at" AS "loaded_at",
                      "t42"."person_id" AS "person_id",
                      "t58"."account_id" AS "account_id",
                      "t58"."email_domain" AS "email_domain",
                      "t58"."account_id" AS "entity_id"
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          "t6"."message_id" AS "message_id",
                          "t6"."type" AS "type",
                          "t6"."event" AS "event",
                          "t6"."name" AS "name",
                          "t6"."user_id" AS "user_id",
                          "t6"."anonymous_id" AS "anonymous_id",
                          "t6"."group_id" AS "group_id",
                          "t6"."previous_id" AS "previous_id",
                          "t6"."timestamp" AS "timestamp",
                          "t6"."original_timestamp" AS "original_timestamp",
                          "t6"."sent_at" AS "sent_at",
                          "t6"."received_at" AS "received_at",
                          "t6"."properties" AS "properties",
                          "t6"."traits" AS "traits",
                          "t6"."context" AS "context",
                          "t6"."source" AS "source",
                          "t6"."loaded_at" AS "loaded_at",
                          COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                          isNotNull("t6"."user_id") OR isNotNull("t37"."s_person") AS "is_known"
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
                        ) AS "t6"
                        LEFT OUTER JOIN (
                          SELECT
                            "t35"."from_id" AS "s_from",
                            "t35"."person_id" AS "s_person"
                          FROM (
                            SELECT
                              "t33"."from_id" AS "from_id",
                              COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                            FROM (
                              SELECT
                                "t20"."from_id" AS "from_id",
                                COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                              FROM (
                                SELECT
                                  "t16"."from_id" AS "from_id",
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
                        "t55"."account_id" AS "account_id",
                        "t55"."email_domain" AS "email_domain"
                      FROM "t54" AS "t55"
                    ) AS "t58"
                      ON "t42"."person_id" = "t58"."m_user"
                  ) AS "t62"
                  WHERE
                    isNotNull("t62"."entity_id")
                ) AS "t63"
                GROUP BY
                  "t63"."entity_id"
              ) AS "t67"
                ON "t60"."entity_id" = "t67"."key"
            ) AS "t70"
            LEFT OUTER JOIN (
              SELECT
                "t5"."group_id" AS "key",
                argMaxIf(tuple("t5"."s__employees"), "t5"."timestamp", isNotNull("t5"."s__employees")).1 AS "s__employees"
              FROM (
                SELECT
                  "t0"."group_id" AS "group_id",
                  "t0"."timestamp" AS "timestamp",
                  CASE
                    WHEN JSONType(JSONExtractRaw("t0"."traits", 'employees')) IN ('Int64', 'UInt64', 'Double')
                    THEN JSONExtractFloat(JSONExtractRaw("t0"."traits", 'employees'))
                    ELSE NULL
                  END AS "s__employees"
                FROM "events" AS "t0"
                WHERE
                  "t0"."type" = 'group'
                  AND isNotNull("t0"."traits")
                  AND isNotNull("t0"."group_id")
                  AND "t0"."timestamp" < parseDateTimeBestEffort('2026-04-01T00:00:00')
              ) AS "t5"
              GROUP BY
                "t5"."group_id"
            ) AS "t11"
              ON "t70"."entity_id" = "t11"."key"
          ) AS "t73"
          LEFT OUTER JOIN (
            SELECT DISTINCT
              "t62"."entity_id" AS "key"
            FROM (
              SELECT
                "t42"."message_id" AS "message_id",
                "t42"."type" AS "type",
                "t42"."event" AS "event",
                "t42"."name" AS "name",
                "t42"."user_id" AS "user_id",
                "t42"."anonymous_id" AS "anonymous_id",
                "t42"."group_id" AS "group_id",
                "t42"."previous_id" AS "previous_id",
                "t42"."timestamp" AS "timestamp",
                "t42"."original_timestamp" AS "original_timestamp",
                "t42"."sent_at" AS "sent_at",
                "t42"."received_at" AS "received_at",
                "t42"."properties" AS "properties",
                "t42"."traits" AS "traits",
                "t42"."context" AS "context",
                "t42"."source" AS "source",
                "t42"."loaded_at" AS "loaded_at",
                "t42"."person_id" AS "person_id",
                "t58"."account_id" AS "account_id",
                "t58"."email_domain" AS "email_domain",
                "t58"."account_id" AS "entity_id"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t6"."message_id" AS "message_id",
                    "t6"."type" AS "type",
                    "t6"."event" AS "event",
                    "t6"."name" AS "name",
                    "t6"."user_id" AS "user_id",
                    "t6"."anonymous_id" AS "anonymous_id",
                    "t6"."group_id" AS "group_id",
                    "t6"."previous_id" AS "previous_id",
                    "t6"."timestamp" AS "timestamp",
                    "t6"."original_timestamp" AS "original_timestamp",
                    "t6"."sent_at" AS "sent_at",
                    "t6"."received_at" AS "received_at",
                    "t6"."properties" AS "properties",
                    "t6"."traits" AS "traits",
                    "t6"."context" AS "context",
                    "t6"."source" AS "source",
                    "t6"."loaded_at" AS "loaded_at",
                    COALESCE("t37"."s_person", "t6"."_sender") AS "person_id",
                    isNotNull("t6"."user_id") OR isNotNull("t37"."s_person") AS "is_known"
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
                  ) AS "t6"
                  LEFT OUTER JOIN (
                    SELECT
                      "t35"."from_id" AS "s_from",
                      "t35"."person_id" AS "s_person"
                    FROM (
                      SELECT
                        "t33"."from_id" AS "from_id",
                        COALESCE("t27"."next_to", "t33"."person_id") AS "person_id"
                      FROM (
                        SELECT
                          "t20"."from_id" AS "from_id",
                          COALESCE("t28"."next_to", "t20"."person_id") AS "person_id"
                        FROM (
                          SELECT
                            "t16"."from_id" AS "from_id",
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
                  "t55"."account_id" AS "account_id",
                  "t55"."email_domain" AS "email_domain"
                FROM "t54" AS "t55"
              ) AS "t58"
                ON "t42"."person_id" = "t58"."m_user"
            ) AS "t62"
            WHERE
              isNotNull("t62"."entity_id")
              AND "t62"."type" = 'track'
              AND "t62"."event" IN ('Subscription Started')
          ) AS "t65"
            ON "t73"."entity_id" = "t65"."key"
        ) AS "t75"
        WHERE
          NOT (
            "t75"."paying"
          )
      ) AS "t77"
    ) AS "t79"
  ) AS "t80"
) AS "t81";
