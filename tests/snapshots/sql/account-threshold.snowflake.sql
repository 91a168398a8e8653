WITH "t18" AS (
  SELECT
    "t14"."from_id",
    "t14"."to_id",
    "t14"."linked_at",
    ROW_NUMBER() OVER (PARTITION BY "t14"."from_id" ORDER BY "t14"."linked_at" ASC, "t14"."to_id" ASC) - 1 AS "rank"
  FROM (
    SELECT
      "t11"."from_id",
      "t11"."to_id",
      MIN("t11"."at") AS "linked_at"
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
            "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
            AND "t0"."anonymous_id" IS NOT NULL
            AND "t0"."user_id" IS NOT NULL
        ) AS "t4"
      ) AS "t8"
      WHERE
        "t8"."from_id" <> "t8"."to_id"
    ) AS "t11"
    GROUP BY
      1,
      2
  ) AS "t14"
), "t21" AS (
  SELECT
    "t19"."from_id",
    "t19"."to_id",
    "t19"."linked_at"
  FROM "t18" AS "t19"
  WHERE
    "t19"."rank" = 0
), "t60" AS (
  SELECT
    "t7"."message_id",
    "t7"."type",
    "t7"."event",
    "t7"."name",
    "t7"."user_id",
    "t7"."anonymous_id",
    "t7"."group_id",
    "t7"."previous_id",
    "t7"."timestamp",
    "t7"."original_timestamp",
    "t7"."sent_at",
    "t7"."received_at",
    "t7"."properties",
    "t7"."traits",
    "t7"."context",
    "t7"."source",
    "t7"."loaded_at",
    COALESCE(COALESCE("t57"."u_person", "t7"."user_id"), "t58"."a_person", "t7"."anonymous_id") AS "person_id",
    (
      "t7"."user_id" IS NOT NULL
    ) OR (
      "t58"."a_person" IS NOT NULL
    ) AS "is_known"
  FROM (
    SELECT
      *
    FROM "events" AS "t0"
    WHERE
      "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t50"."from_id" AS "u_from",
      "t50"."person_id" AS "u_person"
    FROM (
      SELECT
        "t44"."from_id",
        COALESCE("t36"."next_to", "t44"."person_id") AS "person_id"
      FROM (
        SELECT
          "t23"."from_id",
          COALESCE("t37"."next_to", "t23"."person_id") AS "person_id"
        FROM (
          SELECT
            "t19"."from_id",
            "t19"."to_id" AS "person_id"
          FROM "t18" AS "t19"
          WHERE
            "t19"."rank" = 0
        ) AS "t23"
        LEFT OUTER JOIN (
          SELECT
            "t28"."from_id" AS "next_from",
            "t28"."to_id" AS "next_to"
          FROM "t21" AS "t28"
        ) AS "t37"
          ON "t23"."person_id" = "t37"."next_from"
      ) AS "t44"
      LEFT OUTER JOIN (
        SELECT
          "t27"."from_id" AS "next_from",
          "t27"."to_id" AS "next_to"
        FROM "t21" AS "t27"
      ) AS "t36"
        ON "t44"."person_id" = "t36"."next_from"
    ) AS "t50"
  ) AS "t57"
    ON "t7"."user_id" = "t57"."u_from"
  LEFT OUTER JOIN (
    SELECT
      "t50"."from_id" AS "a_from",
      "t50"."person_id" AS "a_person"
    FROM (
      SELECT
        "t44"."from_id",
        COALESCE("t36"."next_to", "t44"."person_id") AS "person_id"
      FROM (
        SELECT
          "t23"."from_id",
          COALESCE("t37"."next_to", "t23"."person_id") AS "person_id"
        FROM (
          SELECT
            "t19"."from_id",
            "t19"."to_id" AS "person_id"
          FROM "t18" AS "t19"
          WHERE
            "t19"."rank" = 0
        ) AS "t23"
        LEFT OUTER JOIN (
          SELECT
            "t28"."from_id" AS "next_from",
            "t28"."to_id" AS "next_to"
          FROM "t21" AS "t28"
        ) AS "t37"
          ON "t23"."person_id" = "t37"."next_from"
      ) AS "t44"
      LEFT OUTER JOIN (
        SELECT
          "t27"."from_id" AS "next_from",
          "t27"."to_id" AS "next_to"
        FROM "t21" AS "t27"
      ) AS "t36"
        ON "t44"."person_id" = "t36"."next_from"
    ) AS "t50"
  ) AS "t58"
    ON "t7"."anonymous_id" = "t58"."a_from"
), "t81" AS (
  SELECT
    *
  FROM (
    SELECT
      "t63"."message_id",
      "t63"."type",
      "t63"."event",
      "t63"."name",
      "t63"."user_id",
      "t63"."anonymous_id",
      "t63"."group_id",
      "t63"."previous_id",
      "t63"."timestamp",
      "t63"."original_timestamp",
      "t63"."sent_at",
      "t63"."received_at",
      "t63"."properties",
      "t63"."traits",
      "t63"."context",
      "t63"."source",
      "t63"."loaded_at",
      "t63"."person_id",
      "t78"."account_id",
      "t78"."email_domain",
      "t78"."account_id" AS "entity_id"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t7"."message_id",
          "t7"."type",
          "t7"."event",
          "t7"."name",
          "t7"."user_id",
          "t7"."anonymous_id",
          "t7"."group_id",
          "t7"."previous_id",
          "t7"."timestamp",
          "t7"."original_timestamp",
          "t7"."sent_at",
          "t7"."received_at",
          "t7"."properties",
          "t7"."traits",
          "t7"."context",
          "t7"."source",
          "t7"."loaded_at",
          COALESCE(COALESCE("t55"."u_person", "t7"."user_id"), "t56"."a_person", "t7"."anonymous_id") AS "person_id",
          (
            "t7"."user_id" IS NOT NULL
          ) OR (
            "t56"."a_person" IS NOT NULL
          ) AS "is_known"
        FROM (
          SELECT
            *
          FROM "events" AS "t0"
          WHERE
            "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
        ) AS "t7"
        LEFT OUTER JOIN (
          SELECT
            "t49"."from_id" AS "u_from",
            "t49"."person_id" AS "u_person"
          FROM (
            SELECT
              "t43"."from_id",
              COALESCE("t34"."next_to", "t43"."person_id") AS "person_id"
            FROM (
              SELECT
                "t23"."from_id",
                COALESCE("t35"."next_to", "t23"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t19"."from_id",
                  "t19"."to_id" AS "person_id"
                FROM "t18" AS "t19"
                WHERE
                  "t19"."rank" = 0
              ) AS "t23"
              LEFT OUTER JOIN (
                SELECT
                  "t26"."from_id" AS "next_from",
                  "t26"."to_id" AS "next_to"
                FROM "t21" AS "t26"
              ) AS "t35"
                ON "t23"."person_id" = "t35"."next_from"
            ) AS "t43"
            LEFT OUTER JOIN (
              SELECT
                "t25"."from_id" AS "next_from",
                "t25"."to_id" AS "next_to"
              FROM "t21" AS "t25"
            ) AS "t34"
              ON "t43"."person_id" = "t34"."next_from"
          ) AS "t49"
        ) AS "t55"
          ON "t7"."user_id" = "t55"."u_from"
        LEFT OUTER JOIN (
          SELECT
            "t49"."from_id" AS "a_from",
            "t49"."person_id" AS "a_person"
          FROM (
            SELECT
              "t43"."from_id",
              COALESCE("t34"."next_to", "t43"."person_id") AS "person_id"
            FROM (
              SELECT
                "t23"."from_id",
                COALESCE("t35"."next_to", "t23"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t19"."from_id",
                  "t19"."to_id" AS "person_id"
                FROM "t18" AS "t19"
                WHERE
                  "t19"."rank" = 0
              ) AS "t23"
              LEFT OUTER JOIN (
                SELECT
                  "t26"."from_id" AS "next_from",
                  "t26"."to_id" AS "next_to"
                FROM "t21" AS "t26"
              ) AS "t35"
                ON "t23"."person_id" = "t35"."next_from"
            ) AS "t43"
            LEFT OUTER JOIN (
              SELECT
                "t25"."from_id" AS "next_from",
                "t25"."to_id" AS "next_to"
              FROM "t21" AS "t25"
            ) AS "t34"
              ON "t43"."person_id" = "t34"."next_from"
          ) AS "t49"
        ) AS "t56"
          ON "t7"."anonymous_id" = "t56"."a_from"
      ) AS "t59"
      WHERE
        "t59"."is_known"
    ) AS "t63"
    LEFT OUTER JOIN (
      SELECT
        "t76"."user_id" AS "m_user",
        "t76"."account_id",
        "t76"."email_domain"
      FROM (
        SELECT
          "t75"."user_id",
          "t75"."email",
          "t75"."email_domain",
          "t75"."first_seen",
          "t75"."last_seen",
          COALESCE(
            "t75"."group_account",
            "t46"."domain_account",
            IFF(
              (
                "t75"."email_domain" IS NOT NULL
              )
              AND NOT (
                "t75"."email_domain" IN (
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
              CONCAT('domain:', "t75"."email_domain"),
              NULL
            )
          ) AS "account_id",
          CASE
            WHEN "t75"."group_account" IS NOT NULL
            THEN 'group'
            WHEN "t46"."domain_account" IS NOT NULL
            THEN 'domain'
            WHEN IFF(
              (
                "t75"."email_domain" IS NOT NULL
              )
              AND NOT (
                "t75"."email_domain" IN (
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
              CONCAT('domain:', "t75"."email_domain"),
              NULL
            ) IS NOT NULL
            THEN 'email'
            ELSE NULL
          END AS "account_via"
        FROM (
          SELECT
            "t69"."user_id",
            "t69"."first_seen",
            "t69"."last_seen",
            "t70"."group_account",
            "t72"."email",
            NULLIF(
              IFF(
                (
                  POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                ) >= 0,
                SUBSTRING(
                  LOWER(TRIM("t72"."email", ' \t\n\r\f')),
                  IFF(
                    (
                      (
                        POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                      ) + 1 + 1
                    ) >= 1,
                    (
                      POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                    ) + 1 + 1,
                    (
                      POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                    ) + 1 + 1 + LENGTH(LOWER(TRIM("t72"."email", ' \t\n\r\f')))
                  )
                ),
                NULL
              ),
              ''
            ) AS "email_domain"
          FROM (
            SELECT
              "t64"."person_id" AS "user_id",
              MIN("t64"."timestamp") AS "first_seen",
              MAX("t64"."timestamp") AS "last_seen"
            FROM (
              SELECT
                *
              FROM "t60" AS "t61"
              WHERE
                "t61"."is_known"
            ) AS "t64"
            GROUP BY
              1
          ) AS "t69"
          LEFT OUTER JOIN (
            SELECT
              "t65"."person_id" AS "m_user",
              MAX_BY("t65"."group_id", "t65"."timestamp") AS "group_account"
            FROM (
              SELECT
                *
              FROM "t60" AS "t61"
              WHERE
                "t61"."is_known" AND "t61"."group_id" IS NOT NULL
            ) AS "t65"
            GROUP BY
              1
          ) AS "t70"
            ON "t69"."user_id" = "t70"."m_user"
          LEFT OUTER JOIN (
            SELECT
              "t66"."e_user",
              MAX_BY(
                IFF(
                  AS_VARCHAR(GET("t66"."traits", 'email')) IS NOT NULL,
                  AS_VARCHAR(GET("t66"."traits", 'email')),
                  NULL
                ),
                IFF(AS_VARCHAR(GET("t66"."traits", 'email')) IS NOT NULL, "t66"."timestamp", NULL)
              ) AS "email"
            FROM (
              SELECT
                "t61"."message_id",
                "t61"."type",
                "t61"."event",
                "t61"."name",
                "t61"."user_id",
                "t61"."anonymous_id",
                "t61"."group_id",
                "t61"."previous_id",
                "t61"."timestamp",
                "t61"."original_timestamp",
                "t61"."sent_at",
                "t61"."received_at",
                "t61"."properties",
                "t61"."traits",
                "t61"."context",
                "t61"."source",
                "t61"."loaded_at",
                "t61"."person_id",
                "t61"."is_known",
                "t61"."person_id" AS "e_user"
              FROM "t60" AS "t61"
              WHERE
                "t61"."is_known"
                AND "t61"."type" <> 'group'
                AND "t61"."traits" IS NOT NULL
                AND "t61"."person_id" IS NOT NULL
            ) AS "t66"
            GROUP BY
              1
          ) AS "t72"
            ON "t69"."user_id" = "t72"."e_user"
        ) AS "t75"
        LEFT OUTER JOIN (
          SELECT
            "t38"."domain",
            "t38"."group_id" AS "domain_account"
          FROM (
            SELECT
              "t29"."group_id",
              "t29"."since",
              "t29"."domain",
              ROW_NUMBER() OVER (PARTITION BY "t29"."domain" ORDER BY "t29"."since" ASC, "t29"."group_id" ASC) - 1 AS "rank"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t15"."group_id",
                  "t10"."since",
                  NULLIF(
                    REGEXP_REPLACE(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          LOWER(TRIM(COALESCE("t15"."domain", "t15"."website"), ' \t\n\r\f')),
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
                    "t6"."group_id",
                    MAX_BY(
                      IFF(
                        AS_VARCHAR(GET("t6"."traits", 'domain')) IS NOT NULL,
                        AS_VARCHAR(GET("t6"."traits", 'domain')),
                        NULL
                      ),
                      IFF(AS_VARCHAR(GET("t6"."traits", 'domain')) IS NOT NULL, "t6"."timestamp", NULL)
                    ) AS "domain",
                    MAX_BY(
                      IFF(
                        AS_VARCHAR(GET("t6"."traits", 'website')) IS NOT NULL,
                        AS_VARCHAR(GET("t6"."traits", 'website')),
                        NULL
                      ),
                      IFF(AS_VARCHAR(GET("t6"."traits", 'website')) IS NOT NULL, "t6"."timestamp", NULL)
                    ) AS "website"
                  FROM (
                    SELECT
                      *
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                      AND "t0"."type" = 'group'
                      AND "t0"."group_id" IS NOT NULL
                      AND "t0"."traits" IS NOT NULL
                  ) AS "t6"
                  GROUP BY
                    1
                ) AS "t15"
                INNER JOIN (
                  SELECT
                    "t2"."group_id" AS "fs_group",
                    MIN("t2"."timestamp") AS "since"
                  FROM (
                    SELECT
                      *
                    FROM "events" AS "t0"
                    WHERE
                      "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                      AND "t0"."type" = 'group'
                      AND "t0"."group_id" IS NOT NULL
                  ) AS "t2"
                  GROUP BY
                    1
                ) AS "t10"
                  ON "t15"."group_id" = "t10"."fs_group"
              ) AS "t22"
              WHERE
                "t22"."domain" IS NOT NULL
            ) AS "t29"
          ) AS "t38"
          WHERE
            "t38"."rank" = 0
        ) AS "t46"
          ON "t75"."email_domain" = "t46"."domain"
      ) AS "t76"
    ) AS "t78"
      ON "t63"."person_id" = "t78"."m_user"
  ) AS "t80"
  WHERE
    "t80"."entity_id" IS NOT NULL
)
SELECT
  "t96"."entity_id",
  "t96"."account_id",
  "t96"."first_seen",
  "t96"."last_seen",
  "t96"."s__users",
  "t96"."s__core_workflows_7d",
  "t96"."s__employees",
  "t96"."paying",
  COALESCE("t96"."s__users" >= 5.0, FALSE) AS "q__all__0",
  COALESCE("t96"."s__core_workflows_7d" >= 10.0, FALSE) AS "q__all__1",
  COALESCE("t96"."s__employees" >= 51.0, FALSE) AS "q__all__2",
  CAST(0 + IFF(COALESCE("t96"."s__users" >= 5.0, FALSE), 1, 0) + IFF(COALESCE("t96"."s__core_workflows_7d" >= 10.0, FALSE), 1, 0) + IFF(COALESCE("t96"."s__employees" >= 51.0, FALSE), 1, 0) AS DOUBLE) AS "score",
  IFF(
    COALESCE("t96"."s__users" >= 5.0, FALSE)
    AND COALESCE("t96"."s__core_workflows_7d" >= 10.0, FALSE)
    AND COALESCE("t96"."s__employees" >= 51.0, FALSE),
    'pql',
    'not qualified'
  ) AS "tier",
  'account' AS "entity_type",
  TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0) AS "as_of"
FROM (
  SELECT
    "t94"."entity_id",
    "t94"."account_id",
    "t94"."first_seen",
    "t94"."last_seen",
    "t94"."s__users",
    "t94"."s__core_workflows_7d",
    "t94"."s__employees",
    "t84"."key" IS NOT NULL AS "paying"
  FROM (
    SELECT
      "t91"."entity_id",
      "t91"."account_id",
      "t91"."first_seen",
      "t91"."last_seen",
      "t91"."s__users",
      "t91"."s__core_workflows_7d",
      "t17"."s__employees"
    FROM (
      SELECT
        "t86"."entity_id",
        "t86"."account_id",
        "t86"."first_seen",
        "t86"."last_seen",
        COALESCE("t88"."s__users", 0) AS "s__users",
        COALESCE("t88"."s__core_workflows_7d", 0) AS "s__core_workflows_7d"
      FROM (
        SELECT
          "t83"."entity_id",
          MAX("t83"."account_id") AS "account_id",
          MIN("t83"."timestamp") AS "first_seen",
          MAX("t83"."timestamp") AS "last_seen"
        FROM "t81" AS "t83"
        GROUP BY
          1
      ) AS "t86"
      LEFT OUTER JOIN (
        SELECT
          "t83"."entity_id" AS "key",
          COUNT(DISTINCT IFF(TRUE AND TRUE, "t83"."person_id", NULL)) AS "s__users",
          COUNT_IF(
            (
              "t83"."type" = 'track'
            )
            AND "t83"."event" IN ('Report Created')
            AND (
              "t83"."timestamp" >= TIMESTAMP_FROM_PARTS(2026, 3, 25, 0, 0, 0, 0)
            )
          ) AS "s__core_workflows_7d"
        FROM "t81" AS "t83"
        GROUP BY
          1
      ) AS "t88"
        ON "t86"."entity_id" = "t88"."key"
    ) AS "t91"
    LEFT OUTER JOIN (
      SELECT
        "t12"."group_id" AS "key",
        "t12"."employees" AS "s__employees"
      FROM (
        SELECT
          "t5"."group_id",
          MAX_BY(
            IFF(
              AS_DOUBLE(GET("t5"."traits", 'employees')) IS NOT NULL,
              AS_DOUBLE(GET("t5"."traits", 'employees')),
              NULL
            ),
            IFF(AS_DOUBLE(GET("t5"."traits", 'employees')) IS NOT NULL, "t5"."timestamp", NULL)
          ) AS "employees"
        FROM (
          SELECT
            *
          FROM "events" AS "t0"
          WHERE
            "t0"."type" = 'group'
            AND "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
            AND "t0"."traits" IS NOT NULL
            AND "t0"."group_id" IS NOT NULL
        ) AS "t5"
        GROUP BY
          1
      ) AS "t12"
    ) AS "t17"
      ON "t91"."entity_id" = "t17"."key"
  ) AS "t94"
  LEFT OUTER JOIN (
    SELECT DISTINCT
      "t80"."entity_id" AS "key"
    FROM (
      SELECT
        "t63"."message_id",
        "t63"."type",
        "t63"."event",
        "t63"."name",
        "t63"."user_id",
        "t63"."anonymous_id",
        "t63"."group_id",
        "t63"."previous_id",
        "t63"."timestamp",
        "t63"."original_timestamp",
        "t63"."sent_at",
        "t63"."received_at",
        "t63"."properties",
        "t63"."traits",
        "t63"."context",
        "t63"."source",
        "t63"."loaded_at",
        "t63"."person_id",
        "t78"."account_id",
        "t78"."email_domain",
        "t78"."account_id" AS "entity_id"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t7"."message_id",
            "t7"."type",
            "t7"."event",
            "t7"."name",
            "t7"."user_id",
            "t7"."anonymous_id",
            "t7"."group_id",
            "t7"."previous_id",
            "t7"."timestamp",
            "t7"."original_timestamp",
            "t7"."sent_at",
            "t7"."received_at",
            "t7"."properties",
            "t7"."traits",
            "t7"."context",
            "t7"."source",
            "t7"."loaded_at",
            COALESCE(COALESCE("t55"."u_person", "t7"."user_id"), "t56"."a_person", "t7"."anonymous_id") AS "person_id",
            (
              "t7"."user_id" IS NOT NULL
            ) OR (
              "t56"."a_person" IS NOT NULL
            ) AS "is_known"
          FROM (
            SELECT
              *
            FROM "events" AS "t0"
            WHERE
              "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
          ) AS "t7"
          LEFT OUTER JOIN (
            SELECT
              "t49"."from_id" AS "u_from",
              "t49"."person_id" AS "u_person"
            FROM (
              SELECT
                "t43"."from_id",
                COALESCE("t34"."next_to", "t43"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t23"."from_id",
                  COALESCE("t35"."next_to", "t23"."person_id") AS "person_id"
                FROM (
                  SELECT
                    "t19"."from_id",
                    "t19"."to_id" AS "person_id"
                  FROM "t18" AS "t19"
                  WHERE
                    "t19"."rank" = 0
                ) AS "t23"
                LEFT OUTER JOIN (
                  SELECT
                    "t26"."from_id" AS "next_from",
                    "t26"."to_id" AS "next_to"
                  FROM "t21" AS "t26"
                ) AS "t35"
                  ON "t23"."person_id" = "t35"."next_from"
              ) AS "t43"
              LEFT OUTER JOIN (
                SELECT
                  "t25"."from_id" AS "next_from",
                  "t25"."to_id" AS "next_to"
                FROM "t21" AS "t25"
              ) AS "t34"
                ON "t43"."person_id" = "t34"."next_from"
            ) AS "t49"
          ) AS "t55"
            ON "t7"."user_id" = "t55"."u_from"
          LEFT OUTER JOIN (
            SELECT
              "t49"."from_id" AS "a_from",
              "t49"."person_id" AS "a_person"
            FROM (
              SELECT
                "t43"."from_id",
                COALESCE("t34"."next_to", "t43"."person_id") AS "person_id"
              FROM (
                SELECT
                  "t23"."from_id",
                  COALESCE("t35"."next_to", "t23"."person_id") AS "person_id"
                FROM (
                  SELECT
                    "t19"."from_id",
                    "t19"."to_id" AS "person_id"
                  FROM "t18" AS "t19"
                  WHERE
                    "t19"."rank" = 0
                ) AS "t23"
                LEFT OUTER JOIN (
                  SELECT
                    "t26"."from_id" AS "next_from",
                    "t26"."to_id" AS "next_to"
                  FROM "t21" AS "t26"
                ) AS "t35"
                  ON "t23"."person_id" = "t35"."next_from"
              ) AS "t43"
              LEFT OUTER JOIN (
                SELECT
                  "t25"."from_id" AS "next_from",
                  "t25"."to_id" AS "next_to"
                FROM "t21" AS "t25"
              ) AS "t34"
                ON "t43"."person_id" = "t34"."next_from"
            ) AS "t49"
          ) AS "t56"
            ON "t7"."anonymous_id" = "t56"."a_from"
        ) AS "t59"
        WHERE
          "t59"."is_known"
      ) AS "t63"
      LEFT OUTER JOIN (
        SELECT
          "t76"."user_id" AS "m_user",
          "t76"."account_id",
          "t76"."email_domain"
        FROM (
          SELECT
            "t75"."user_id",
            "t75"."email",
            "t75"."email_domain",
            "t75"."first_seen",
            "t75"."last_seen",
            COALESCE(
              "t75"."group_account",
              "t46"."domain_account",
              IFF(
                (
                  "t75"."email_domain" IS NOT NULL
                )
                AND NOT (
                  "t75"."email_domain" IN (
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
                CONCAT('domain:', "t75"."email_domain"),
                NULL
              )
            ) AS "account_id",
            CASE
              WHEN "t75"."group_account" IS NOT NULL
              THEN 'group'
              WHEN "t46"."domain_account" IS NOT NULL
              THEN 'domain'
              WHEN IFF(
                (
                  "t75"."email_domain" IS NOT NULL
                )
                AND NOT (
                  "t75"."email_domain" IN (
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
                CONCAT('domain:', "t75"."email_domain"),
                NULL
              ) IS NOT NULL
              THEN 'email'
              ELSE NULL
            END AS "account_via"
          FROM (
            SELECT
              "t69"."user_id",
              "t69"."first_seen",
              "t69"."last_seen",
              "t70"."group_account",
              "t72"."email",
              NULLIF(
                IFF(
                  (
                    POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                  ) >= 0,
                  SUBSTRING(
                    LOWER(TRIM("t72"."email", ' \t\n\r\f')),
                    IFF(
                      (
                        (
                          POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                        ) + 1 + 1
                      ) >= 1,
                      (
                        POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                      ) + 1 + 1,
                      (
                        POSITION('@', LOWER(TRIM("t72"."email", ' \t\n\r\f'))) - 1
                      ) + 1 + 1 + LENGTH(LOWER(TRIM("t72"."email", ' \t\n\r\f')))
                    )
                  ),
                  NULL
                ),
                ''
              ) AS "email_domain"
            FROM (
              SELECT
                "t64"."person_id" AS "user_id",
                MIN("t64"."timestamp") AS "first_seen",
                MAX("t64"."timestamp") AS "last_seen"
              FROM (
                SELECT
                  *
                FROM "t60" AS "t61"
                WHERE
                  "t61"."is_known"
              ) AS "t64"
              GROUP BY
                1
            ) AS "t69"
            LEFT OUTER JOIN (
              SELECT
                "t65"."person_id" AS "m_user",
                MAX_BY("t65"."group_id", "t65"."timestamp") AS "group_account"
              FROM (
                SELECT
                  *
                FROM "t60" AS "t61"
                WHERE
                  "t61"."is_known" AND "t61"."group_id" IS NOT NULL
              ) AS "t65"
              GROUP BY
                1
            ) AS "t70"
              ON "t69"."user_id" = "t70"."m_user"
            LEFT OUTER JOIN (
              SELECT
                "t66"."e_user",
                MAX_BY(
                  IFF(
                    AS_VARCHAR(GET("t66"."traits", 'email')) IS NOT NULL,
                    AS_VARCHAR(GET("t66"."traits", 'email')),
                    NULL
                  ),
                  IFF(AS_VARCHAR(GET("t66"."traits", 'email')) IS NOT NULL, "t66"."timestamp", NULL)
                ) AS "email"
              FROM (
                SELECT
                  "t61"."message_id",
                  "t61"."type",
                  "t61"."event",
                  "t61"."name",
                  "t61"."user_id",
                  "t61"."anonymous_id",
                  "t61"."group_id",
                  "t61"."previous_id",
                  "t61"."timestamp",
                  "t61"."original_timestamp",
                  "t61"."sent_at",
                  "t61"."received_at",
                  "t61"."properties",
                  "t61"."traits",
                  "t61"."context",
                  "t61"."source",
                  "t61"."loaded_at",
                  "t61"."person_id",
                  "t61"."is_known",
                  "t61"."person_id" AS "e_user"
                FROM "t60" AS "t61"
                WHERE
                  "t61"."is_known"
                  AND "t61"."type" <> 'group'
                  AND "t61"."traits" IS NOT NULL
                  AND "t61"."person_id" IS NOT NULL
              ) AS "t66"
              GROUP BY
                1
            ) AS "t72"
              ON "t69"."user_id" = "t72"."e_user"
          ) AS "t75"
          LEFT OUTER JOIN (
            SELECT
              "t38"."domain",
              "t38"."group_id" AS "domain_account"
            FROM (
              SELECT
                "t29"."group_id",
                "t29"."since",
                "t29"."domain",
                ROW_NUMBER() OVER (PARTITION BY "t29"."domain" ORDER BY "t29"."since" ASC, "t29"."group_id" ASC) - 1 AS "rank"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t15"."group_id",
                    "t10"."since",
                    NULLIF(
                      REGEXP_REPLACE(
                        REGEXP_REPLACE(
                          REGEXP_REPLACE(
                            LOWER(TRIM(COALESCE("t15"."domain", "t15"."website"), ' \t\n\r\f')),
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
                      "t6"."group_id",
                      MAX_BY(
                        IFF(
                          AS_VARCHAR(GET("t6"."traits", 'domain')) IS NOT NULL,
                          AS_VARCHAR(GET("t6"."traits", 'domain')),
                          NULL
                        ),
                        IFF(AS_VARCHAR(GET("t6"."traits", 'domain')) IS NOT NULL, "t6"."timestamp", NULL)
                      ) AS "domain",
                      MAX_BY(
                        IFF(
                          AS_VARCHAR(GET("t6"."traits", 'website')) IS NOT NULL,
                          AS_VARCHAR(GET("t6"."traits", 'website')),
                          NULL
                        ),
                        IFF(AS_VARCHAR(GET("t6"."traits", 'website')) IS NOT NULL, "t6"."timestamp", NULL)
                      ) AS "website"
                    FROM (
                      SELECT
                        *
                      FROM "events" AS "t0"
                      WHERE
                        "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                        AND "t0"."type" = 'group'
                        AND "t0"."group_id" IS NOT NULL
                        AND "t0"."traits" IS NOT NULL
                    ) AS "t6"
                    GROUP BY
                      1
                  ) AS "t15"
                  INNER JOIN (
                    SELECT
                      "t2"."group_id" AS "fs_group",
                      MIN("t2"."timestamp") AS "since"
                    FROM (
                      SELECT
                        *
                      FROM "events" AS "t0"
                      WHERE
                        "t0"."timestamp" < TIMESTAMP_FROM_PARTS(2026, 4, 1, 0, 0, 0, 0)
                        AND "t0"."type" = 'group'
                        AND "t0"."group_id" IS NOT NULL
                    ) AS "t2"
                    GROUP BY
                      1
                  ) AS "t10"
                    ON "t15"."group_id" = "t10"."fs_group"
                ) AS "t22"
                WHERE
                  "t22"."domain" IS NOT NULL
              ) AS "t29"
            ) AS "t38"
            WHERE
              "t38"."rank" = 0
          ) AS "t46"
            ON "t75"."email_domain" = "t46"."domain"
        ) AS "t76"
      ) AS "t78"
        ON "t63"."person_id" = "t78"."m_user"
    ) AS "t80"
    WHERE
      "t80"."entity_id" IS NOT NULL
      AND "t80"."type" = 'track'
      AND "t80"."event" IN ('Subscription Started')
  ) AS "t84"
    ON "t94"."entity_id" = "t84"."key"
) AS "t96"
WHERE
  NOT (
    "t96"."paying"
  );
