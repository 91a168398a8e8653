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
  "t86"."entity_id" AS "entity_id",
  "t86"."account_id" AS "account_id",
  "t86"."first_seen" AS "first_seen",
  "t86"."last_seen" AS "last_seen",
  "t86"."s__users" AS "s__users",
  "t86"."s__core_workflows_7d" AS "s__core_workflows_7d",
  "t86"."s__employees" AS "s__employees",
  "t86"."paying" AS "paying",
  "t86"."q__all__0" AS "q__all__0",
  "t86"."q__all__1" AS "q__all__1",
  "t86"."q__all__2" AS "q__all__2",
  "t86"."score" AS "score",
  "t86"."tier" AS "tier",
  'account' AS "entity_type",
  parseDateTimeBestEffort('2026-04-01T00:00:00') AS "as_of"
FROM (
  SELECT
    "t85".*
    EXCEPT ("qualifies")
  FROM (
    SELECT
      "t84"."entity_id" AS "entity_id",
      "t84"."account_id" AS "account_id",
      "t84"."first_seen" AS "first_seen",
      "t84"."last_seen" AS "last_seen",
      "t84"."s__users" AS "s__users",
      "t84"."s__core_workflows_7d" AS "s__core_workflows_7d",
      "t84"."s__employees" AS "s__employees",
      "t84"."paying" AS "paying",
      "t84"."q__all__0" AS "q__all__0",
      "t84"."q__all__1" AS "q__all__1",
      "t84"."q__all__2" AS "q__all__2",
      "t84"."score" AS "score",
      "t84"."qualifies" AS "qualifies",
      CASE WHEN "t84"."qualifies" THEN 'pql' ELSE 'not qualified' END AS "tier"
    FROM (
      SELECT
        "t82"."entity_id" AS "entity_id",
        "t82"."account_id" AS "account_id",
        "t82"."first_seen" AS "first_seen",
        "t82"."last_seen" AS "last_seen",
        "t82"."s__users" AS "s__users",
        "t82"."s__core_workflows_7d" AS "s__core_workflows_7d",
        "t82"."s__employees" AS "s__employees",
        "t82"."paying" AS "paying",
        "t82"."q__all__0" AS "q__all__0",
        "t82"."q__all__1" AS "q__all__1",
        "t82"."q__all__2" AS "q__all__2",
        CAST(0 + CASE WHEN "t82"."q__all__0" THEN 1 ELSE 0 END + CASE WHEN "t82"."q__all__1" THEN 1 ELSE 0 END + CASE WHEN "t82"."q__all__2" THEN 1 ELSE 0 END AS Nullable(Float64)) AS "score",
        "t82"."q__all__0" AND "t82"."q__all__1" AND "t82"."q__all__2" AS "qualifies"
      FROM (
        SELECT
          "t80"."entity_id" AS "entity_id",
          "t80"."account_id" AS "account_id",
          "t80"."first_seen" AS "first_seen",
          "t80"."last_seen" AS "last_seen",
          "t80"."s__users" AS "s__users",
          "t80"."s__core_workflows_7d" AS "s__core_workflows_7d",
          "t80"."s__employees" AS "s__employees",
          "t80"."paying" AS "paying",
          COALESCE("t80"."s__users" >= 5.0, FALSE) AS "q__all__0",
          COALESCE("t80"."s__core_workflows_7d" >= 10.0, FALSE) AS "q__all__1",
          COALESCE("t80"."s__employees" >= 51.0, FALSE) AS "q__all__2"
        FROM (
          SELECT
            "t78"."entity_id" AS "entity_id",
            "t78"."account_id" AS "account_id",
            "t78"."first_seen" AS "first_seen",
            "t78"."last_seen" AS "last_seen",
            "t78"."s__users" AS "s__users",
            "t78"."s__core_workflows_7d" AS "s__core_workflows_7d",
            "t78"."s__employees" AS "s__employees",
            isNotNull("t70"."key") AS "paying"
          FROM (
            SELECT
              "t75"."entity_id" AS "entity_id",
              "t75"."account_id" AS "account_id",
              "t75"."first_seen" AS "first_seen",
              "t75"."last_seen" AS "last_seen",
              "t75"."s__users" AS "s__users",
              "t75"."s__core_workflows_7d" AS "s__core_workflows_7d",
              "t17"."s__employees" AS "s__employees"
            FROM (
              SELECT
                "t65"."entity_id" AS "entity_id",
                "t65"."account_id" AS "account_id",
                "t65"."first_seen" AS "first_seen",
                "t65"."last_seen" AS "last_seen",
                COALESCE("t72"."s__users", 0) AS "s__users",
                COALESCE("t72"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
              FROM (
                SELECT
                  "t62"."account_id" AS "entity_id",
                  MAX("t62"."account_id") AS "account_id",
                  MIN("t62"."first_seen") AS "first_seen",
                  MAX("t62"."last_seen") AS "last_seen"
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
                ) AS "t62"
                GROUP BY
                  "t62"."account_id"
              ) AS "t65"
              LEFT OUTER JOIN (
                SELECT
                  "t68"."entity_id" AS "key",
                  uniqIf("t68"."person_id", TRUE AND TRUE) AS "s__users",
                  countIf(
                    (
                      "t68"."type" = 'track'
                    )
                    AND "t68"."event" IN ('Report Created')
                    AND (
                      "t68"."timestamp" >= parseDateTimeBestEffort('2026-03-25T00:00:00')
                    )
                  ) AS "s__core_workflows_7d"
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
                      "t63"."account_id" AS "account_id",
                      "t63"."email_domain" AS "email_domain",
                      "t63"."account_id" AS "entity_id"
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
                    ) AS "t63"
                      ON "t47"."person_id" = "t63"."m_user"
                  ) AS "t67"
                  WHERE
                    isNotNull("t67"."entity_id")
                ) AS "t68"
                GROUP BY
                  "t68"."entity_id"
              ) AS "t72"
                ON "t65"."entity_id" = "t72"."key"
            ) AS "t75"
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
                ).1 AS "s__employees"
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
              ON "t75"."entity_id" = "t17"."key"
          ) AS "t78"
          LEFT OUTER JOIN (
            SELECT DISTINCT
              "t67"."entity_id" AS "key"
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
                "t63"."account_id" AS "account_id",
                "t63"."email_domain" AS "email_domain",
                "t63"."account_id" AS "entity_id"
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
              ) AS "t63"
                ON "t47"."person_id" = "t63"."m_user"
            ) AS "t67"
            WHERE
              isNotNull("t67"."entity_id")
              AND "t67"."type" = 'track'
              AND "t67"."event" IN ('Subscription Started')
          ) AS "t70"
            ON "t78"."entity_id" = "t70"."key"
        ) AS "t80"
        WHERE
          NOT (
            "t80"."paying"
          )
      ) AS "t82"
    ) AS "t84"
  ) AS "t85"
) AS "t86";
