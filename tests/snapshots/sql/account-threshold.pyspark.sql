WITH `t19` AS (
  SELECT
    `t16`.`from_id`,
    `t16`.`to_id`,
    `t16`.`linked_at`,
    ROW_NUMBER() OVER (
      PARTITION BY `t16`.`from_id`
      ORDER BY `t16`.`linked_at` ASC NULLS LAST, `t16`.`to_id` ASC NULLS LAST
    ) - 1 AS `rank`
  FROM (
    SELECT
      `t13`.`from_id`,
      `t13`.`to_id`,
      MIN(`t13`.`at`) AS `linked_at`
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t0`.`previous_id` AS `from_id`,
            `t0`.`user_id` AS `to_id`,
            `t0`.`timestamp` AS `at`
          FROM `events` AS `t0`
          WHERE
            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND `t0`.`type` = 'alias'
            AND `t0`.`previous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t4`
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            `t0`.`anonymous_id` AS `from_id`,
            `t0`.`user_id` AS `to_id`,
            `t0`.`timestamp` AS `at`
          FROM `events` AS `t0`
          WHERE
            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND `t0`.`anonymous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t5`
      ) AS `t10`
      WHERE
        `t10`.`from_id` <> `t10`.`to_id`
    ) AS `t13`
    GROUP BY
      1,
      2
  ) AS `t16`
), `t22` AS (
  SELECT
    `t20`.`from_id`,
    `t20`.`to_id`,
    `t20`.`linked_at`
  FROM `t19` AS `t20`
  WHERE
    `t20`.`rank` = 0
), `t44` AS (
  SELECT
    `t9`.`type`,
    `t9`.`timestamp`,
    `t9`.`user_id`,
    `t9`.`anonymous_id`,
    `t9`.`group_id`,
    `t9`.`traits`,
    COALESCE(`t42`.`s_person`, `t9`.`_sender`) AS `person_id`,
    (
      `t9`.`user_id` IS NOT NULL
    ) OR (
      `t42`.`s_person` IS NOT NULL
    ) AS `is_known`
  FROM (
    SELECT
      `t0`.`type`,
      `t0`.`timestamp`,
      `t0`.`user_id`,
      `t0`.`anonymous_id`,
      `t0`.`group_id`,
      `t0`.`traits`,
      COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
    FROM `events` AS `t0`
    WHERE
      `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
  ) AS `t9`
  LEFT OUTER JOIN (
    SELECT
      `t40`.`from_id` AS `s_from`,
      `t40`.`person_id` AS `s_person`
    FROM (
      SELECT
        `t36`.`from_id`,
        COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
      FROM (
        SELECT
          `t24`.`from_id`,
          COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
        FROM (
          SELECT
            `t20`.`from_id`,
            `t20`.`to_id` AS `person_id`
          FROM `t19` AS `t20`
          WHERE
            `t20`.`rank` = 0
        ) AS `t24`
        LEFT OUTER JOIN (
          SELECT
            `t27`.`from_id` AS `next_from`,
            `t27`.`to_id` AS `next_to`
          FROM `t22` AS `t27`
        ) AS `t32`
          ON `t24`.`person_id` = `t32`.`next_from`
      ) AS `t36`
      LEFT OUTER JOIN (
        SELECT
          `t26`.`from_id` AS `next_from`,
          `t26`.`to_id` AS `next_to`
        FROM `t22` AS `t26`
      ) AS `t31`
        ON `t36`.`person_id` = `t31`.`next_from`
    ) AS `t40`
  ) AS `t42`
    ON `t9`.`_sender` = `t42`.`s_from`
), `t59` AS (
  SELECT
    `t58`.`user_id`,
    `t58`.`email`,
    `t58`.`email_domain`,
    `t58`.`first_seen`,
    `t58`.`last_seen`,
    COALESCE(
      `t58`.`group_account`,
      `t38`.`domain_account`,
      IF(
        (
          `t58`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t58`.`email_domain` IN (
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
        CONCAT('domain:', `t58`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t58`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t38`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t58`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t58`.`email_domain` IN (
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
        CONCAT('domain:', `t58`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t55`.`user_id`,
      `t55`.`first_seen`,
      `t55`.`last_seen`,
      `t55`.`group_account`,
      `t55`.`email`,
      NULLIF(
        IF(
          (
            LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`)),
            IF(
              (
                (
                  LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
                ) + 1 + 1
              ) >= 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
              ) + 1 + 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`))) - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(' \t\n\r\v\f' FROM `t55`.`email`)))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        `t51`.`user_id`,
        `t51`.`first_seen`,
        `t51`.`last_seen`,
        `t51`.`group_account`,
        `t53`.`email`
      FROM (
        SELECT
          `t48`.`person_id` AS `user_id`,
          MIN(`t48`.`timestamp`) AS `first_seen`,
          MAX(`t48`.`timestamp`) AS `last_seen`,
          MAX_BY(
            IF(`t48`.`group_id` IS NOT NULL, `t48`.`group_id`, NULL),
            IF(`t48`.`group_id` IS NOT NULL, `t48`.`timestamp`, NULL)
          ) AS `group_account`
        FROM (
          SELECT
            *
          FROM `t44` AS `t45`
          WHERE
            `t45`.`is_known`
        ) AS `t48`
        GROUP BY
          1
      ) AS `t51`
      LEFT OUTER JOIN (
        SELECT
          `t49`.`e_user`,
          MAX_BY(
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))),
              NULL
            ),
            IF(
              UNWRAP_JSON_STR(GET_JSON_OBJECT(`t49`.`traits`, FORMAT_STRING('$.%s', 'email'))) IS NOT NULL,
              `t49`.`timestamp`,
              NULL
            )
          ) AS `email`
        FROM (
          SELECT
            `t45`.`type`,
            `t45`.`timestamp`,
            `t45`.`user_id`,
            `t45`.`anonymous_id`,
            `t45`.`group_id`,
            `t45`.`traits`,
            `t45`.`person_id`,
            `t45`.`is_known`,
            `t45`.`person_id` AS `e_user`
          FROM `t44` AS `t45`
          WHERE
            `t45`.`is_known`
            AND `t45`.`type` <> 'group'
            AND `t45`.`traits` IS NOT NULL
            AND `t45`.`person_id` IS NOT NULL
        ) AS `t49`
        GROUP BY
          1
      ) AS `t53`
        ON `t51`.`user_id` = `t53`.`e_user`
    ) AS `t55`
  ) AS `t58`
  LEFT OUTER JOIN (
    SELECT
      `t33`.`domain`,
      `t33`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t28`.`group_id`,
        `t28`.`since`,
        `t28`.`domain`,
        ROW_NUMBER() OVER (
          PARTITION BY `t28`.`domain`
          ORDER BY `t28`.`since` ASC NULLS LAST, `t28`.`group_id` ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t18`.`group_id`,
            `t12`.`since`,
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(' \t\n\r\v\f' FROM COALESCE(`t18`.`domain`, `t18`.`website`))),
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
            ) AS `domain`
          FROM (
            SELECT
              `t7`.`group_id`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'domain'))) IS NOT NULL,
                  `t7`.`timestamp`,
                  NULL
                )
              ) AS `domain`,
              MAX_BY(
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))) IS NOT NULL,
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))),
                  NULL
                ),
                IF(
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t7`.`traits`, FORMAT_STRING('$.%s', 'website'))) IS NOT NULL,
                  `t7`.`timestamp`,
                  NULL
                )
              ) AS `website`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
                AND `t0`.`traits` IS NOT NULL
            ) AS `t7`
            GROUP BY
              1
          ) AS `t18`
          INNER JOIN (
            SELECT
              `t2`.`group_id` AS `fs_group`,
              MIN(`t2`.`timestamp`) AS `since`
            FROM (
              SELECT
                *
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
            ) AS `t2`
            GROUP BY
              1
          ) AS `t12`
            ON `t18`.`group_id` = `t12`.`fs_group`
        ) AS `t23`
        WHERE
          `t23`.`domain` IS NOT NULL
      ) AS `t28`
    ) AS `t33`
    WHERE
      `t33`.`rank` = 0
  ) AS `t38`
    ON `t58`.`email_domain` = `t38`.`domain`
)
SELECT
  `t86`.`entity_id`,
  `t86`.`account_id`,
  `t86`.`first_seen`,
  `t86`.`last_seen`,
  `t86`.`s__users`,
  `t86`.`s__core_workflows_7d`,
  `t86`.`s__employees`,
  `t86`.`paying`,
  `t86`.`q__all__0`,
  `t86`.`q__all__1`,
  `t86`.`q__all__2`,
  `t86`.`score`,
  `t86`.`tier`,
  'account' AS `entity_type`,
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS `as_of`
FROM (
  SELECT
    `t85`.`entity_id`,
    `t85`.`account_id`,
    `t85`.`first_seen`,
    `t85`.`last_seen`,
    `t85`.`s__users`,
    `t85`.`s__core_workflows_7d`,
    `t85`.`s__employees`,
    `t85`.`paying`,
    `t85`.`q__all__0`,
    `t85`.`q__all__1`,
    `t85`.`q__all__2`,
    `t85`.`score`,
    `t85`.`tier`
  FROM (
    SELECT
      `t84`.`entity_id`,
      `t84`.`account_id`,
      `t84`.`first_seen`,
      `t84`.`last_seen`,
      `t84`.`s__users`,
      `t84`.`s__core_workflows_7d`,
      `t84`.`s__employees`,
      `t84`.`paying`,
      `t84`.`q__all__0`,
      `t84`.`q__all__1`,
      `t84`.`q__all__2`,
      `t84`.`score`,
      `t84`.`qualifies`,
      IF(`t84`.`qualifies`, 'pql', 'not qualified') AS `tier`
    FROM (
      SELECT
        `t82`.`entity_id`,
        `t82`.`account_id`,
        `t82`.`first_seen`,
        `t82`.`last_seen`,
        `t82`.`s__users`,
        `t82`.`s__core_workflows_7d`,
        `t82`.`s__employees`,
        `t82`.`paying`,
        `t82`.`q__all__0`,
        `t82`.`q__all__1`,
        `t82`.`q__all__2`,
        CAST(0 + IF(`t82`.`q__all__0`, 1, 0) + IF(`t82`.`q__all__1`, 1, 0) + IF(`t82`.`q__all__2`, 1, 0) AS DOUBLE) AS `score`,
        `t82`.`q__all__0` AND `t82`.`q__all__1` AND `t82`.`q__all__2` AS `qualifies`
      FROM (
        SELECT
          `t80`.`entity_id`,
          `t80`.`account_id`,
          `t80`.`first_seen`,
          `t80`.`last_seen`,
          `t80`.`s__users`,
          `t80`.`s__core_workflows_7d`,
          `t80`.`s__employees`,
          `t80`.`paying`,
          COALESCE(`t80`.`s__users` >= 5.0, FALSE) AS `q__all__0`,
          COALESCE(`t80`.`s__core_workflows_7d` >= 10.0, FALSE) AS `q__all__1`,
          COALESCE(`t80`.`s__employees` >= 51.0, FALSE) AS `q__all__2`
        FROM (
          SELECT
            `t78`.`entity_id`,
            `t78`.`account_id`,
            `t78`.`first_seen`,
            `t78`.`last_seen`,
            `t78`.`s__users`,
            `t78`.`s__core_workflows_7d`,
            `t78`.`s__employees`,
            `t70`.`key` IS NOT NULL AS `paying`
          FROM (
            SELECT
              `t75`.`entity_id`,
              `t75`.`account_id`,
              `t75`.`first_seen`,
              `t75`.`last_seen`,
              `t75`.`s__users`,
              `t75`.`s__core_workflows_7d`,
              `t17`.`s__employees`
            FROM (
              SELECT
                `t65`.`entity_id`,
                `t65`.`account_id`,
                `t65`.`first_seen`,
                `t65`.`last_seen`,
                COALESCE(`t72`.`s__users`, 0) AS `s__users`,
                COALESCE(`t72`.`s__core_workflows_7d`, 0) AS `s__core_workflows_7d`
              FROM (
                SELECT
                  `t62`.`account_id` AS `entity_id`,
                  MAX(`t62`.`account_id`) AS `account_id`,
                  MIN(`t62`.`first_seen`) AS `first_seen`,
                  MAX(`t62`.`last_seen`) AS `last_seen`
                FROM (
                  SELECT
                    `t60`.`user_id` AS `m_user`,
                    `t60`.`account_id`,
                    `t60`.`email_domain`,
                    `t60`.`first_seen`,
                    `t60`.`last_seen`
                  FROM `t59` AS `t60`
                  WHERE
                    `t60`.`account_id` IS NOT NULL
                ) AS `t62`
                GROUP BY
                  1
              ) AS `t65`
              LEFT OUTER JOIN (
                SELECT
                  `t68`.`entity_id` AS `key`,
                  COUNT(DISTINCT IF(TRUE AND TRUE, `t68`.`person_id`, NULL)) AS `s__users`,
                  SUM(
                    CAST((
                      `t68`.`type` = 'track'
                    )
                    AND `t68`.`event` IN ('Report Created')
                    AND (
                      `t68`.`timestamp` >= CAST('2026-03-25T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__core_workflows_7d`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t47`.`message_id`,
                      `t47`.`type`,
                      `t47`.`event`,
                      `t47`.`name`,
                      `t47`.`user_id`,
                      `t47`.`anonymous_id`,
                      `t47`.`group_id`,
                      `t47`.`previous_id`,
                      `t47`.`timestamp`,
                      `t47`.`original_timestamp`,
                      `t47`.`sent_at`,
                      `t47`.`received_at`,
                      `t47`.`properties`,
                      `t47`.`traits`,
                      `t47`.`context`,
                      `t47`.`source`,
                      `t47`.`loaded_at`,
                      `t47`.`person_id`,
                      `t63`.`account_id`,
                      `t63`.`email_domain`,
                      `t63`.`account_id` AS `entity_id`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t8`.`message_id`,
                          `t8`.`type`,
                          `t8`.`event`,
                          `t8`.`name`,
                          `t8`.`user_id`,
                          `t8`.`anonymous_id`,
                          `t8`.`group_id`,
                          `t8`.`previous_id`,
                          `t8`.`timestamp`,
                          `t8`.`original_timestamp`,
                          `t8`.`sent_at`,
                          `t8`.`received_at`,
                          `t8`.`properties`,
                          `t8`.`traits`,
                          `t8`.`context`,
                          `t8`.`source`,
                          `t8`.`loaded_at`,
                          COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                          (
                            `t8`.`user_id` IS NOT NULL
                          ) OR (
                            `t42`.`s_person` IS NOT NULL
                          ) AS `is_known`
                        FROM (
                          SELECT
                            `t0`.`message_id`,
                            `t0`.`type`,
                            `t0`.`event`,
                            `t0`.`name`,
                            `t0`.`user_id`,
                            `t0`.`anonymous_id`,
                            `t0`.`group_id`,
                            `t0`.`previous_id`,
                            `t0`.`timestamp`,
                            `t0`.`original_timestamp`,
                            `t0`.`sent_at`,
                            `t0`.`received_at`,
                            `t0`.`properties`,
                            `t0`.`traits`,
                            `t0`.`context`,
                            `t0`.`source`,
                            `t0`.`loaded_at`,
                            COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                          FROM `events` AS `t0`
                          WHERE
                            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                        ) AS `t8`
                        LEFT OUTER JOIN (
                          SELECT
                            `t40`.`from_id` AS `s_from`,
                            `t40`.`person_id` AS `s_person`
                          FROM (
                            SELECT
                              `t36`.`from_id`,
                              COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t24`.`from_id`,
                                COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t20`.`from_id`,
                                  `t20`.`to_id` AS `person_id`
                                FROM `t19` AS `t20`
                                WHERE
                                  `t20`.`rank` = 0
                              ) AS `t24`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t27`.`from_id` AS `next_from`,
                                  `t27`.`to_id` AS `next_to`
                                FROM `t22` AS `t27`
                              ) AS `t32`
                                ON `t24`.`person_id` = `t32`.`next_from`
                            ) AS `t36`
                            LEFT OUTER JOIN (
                              SELECT
                                `t26`.`from_id` AS `next_from`,
                                `t26`.`to_id` AS `next_to`
                              FROM `t22` AS `t26`
                            ) AS `t31`
                              ON `t36`.`person_id` = `t31`.`next_from`
                          ) AS `t40`
                        ) AS `t42`
                          ON `t8`.`_sender` = `t42`.`s_from`
                      ) AS `t43`
                      WHERE
                        `t43`.`is_known`
                    ) AS `t47`
                    LEFT OUTER JOIN (
                      SELECT
                        `t60`.`user_id` AS `m_user`,
                        `t60`.`account_id`,
                        `t60`.`email_domain`
                      FROM `t59` AS `t60`
                    ) AS `t63`
                      ON `t47`.`person_id` = `t63`.`m_user`
                  ) AS `t67`
                  WHERE
                    `t67`.`entity_id` IS NOT NULL
                ) AS `t68`
                GROUP BY
                  1
              ) AS `t72`
                ON `t65`.`entity_id` = `t72`.`key`
            ) AS `t75`
            LEFT OUTER JOIN (
              SELECT
                `t6`.`group_id` AS `key`,
                MAX_BY(
                  IF(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                    AND NOT ISNAN(
                      UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                    ),
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))),
                    NULL
                  ),
                  IF(
                    UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees'))) IS NOT NULL
                    AND NOT ISNAN(
                      UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t6`.`traits`, FORMAT_STRING('$.%s', 'employees')))
                    ),
                    `t6`.`timestamp`,
                    NULL
                  )
                ) AS `s__employees`
              FROM (
                SELECT
                  *
                FROM `events` AS `t0`
                WHERE
                  `t0`.`type` = 'group'
                  AND `t0`.`traits` IS NOT NULL
                  AND `t0`.`group_id` IS NOT NULL
                  AND `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
              ) AS `t6`
              GROUP BY
                1
            ) AS `t17`
              ON `t75`.`entity_id` = `t17`.`key`
          ) AS `t78`
          LEFT OUTER JOIN (
            SELECT DISTINCT
              `t67`.`entity_id` AS `key`
            FROM (
              SELECT
                `t47`.`message_id`,
                `t47`.`type`,
                `t47`.`event`,
                `t47`.`name`,
                `t47`.`user_id`,
                `t47`.`anonymous_id`,
                `t47`.`group_id`,
                `t47`.`previous_id`,
                `t47`.`timestamp`,
                `t47`.`original_timestamp`,
                `t47`.`sent_at`,
                `t47`.`received_at`,
                `t47`.`properties`,
                `t47`.`traits`,
                `t47`.`context`,
                `t47`.`source`,
                `t47`.`loaded_at`,
                `t47`.`person_id`,
                `t63`.`account_id`,
                `t63`.`email_domain`,
                `t63`.`account_id` AS `entity_id`
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    `t8`.`message_id`,
                    `t8`.`type`,
                    `t8`.`event`,
                    `t8`.`name`,
                    `t8`.`user_id`,
                    `t8`.`anonymous_id`,
                    `t8`.`group_id`,
                    `t8`.`previous_id`,
                    `t8`.`timestamp`,
                    `t8`.`original_timestamp`,
                    `t8`.`sent_at`,
                    `t8`.`received_at`,
                    `t8`.`properties`,
                    `t8`.`traits`,
                    `t8`.`context`,
                    `t8`.`source`,
                    `t8`.`loaded_at`,
                    COALESCE(`t42`.`s_person`, `t8`.`_sender`) AS `person_id`,
                    (
                      `t8`.`user_id` IS NOT NULL
                    ) OR (
                      `t42`.`s_person` IS NOT NULL
                    ) AS `is_known`
                  FROM (
                    SELECT
                      `t0`.`message_id`,
                      `t0`.`type`,
                      `t0`.`event`,
                      `t0`.`name`,
                      `t0`.`user_id`,
                      `t0`.`anonymous_id`,
                      `t0`.`group_id`,
                      `t0`.`previous_id`,
                      `t0`.`timestamp`,
                      `t0`.`original_timestamp`,
                      `t0`.`sent_at`,
                      `t0`.`received_at`,
                      `t0`.`properties`,
                      `t0`.`traits`,
                      `t0`.`context`,
                      `t0`.`source`,
                      `t0`.`loaded_at`,
                      COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `_sender`
                    FROM `events` AS `t0`
                    WHERE
                      `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                  ) AS `t8`
                  LEFT OUTER JOIN (
                    SELECT
                      `t40`.`from_id` AS `s_from`,
                      `t40`.`person_id` AS `s_person`
                    FROM (
                      SELECT
                        `t36`.`from_id`,
                        COALESCE(`t31`.`next_to`, `t36`.`person_id`) AS `person_id`
                      FROM (
                        SELECT
                          `t24`.`from_id`,
                          COALESCE(`t32`.`next_to`, `t24`.`person_id`) AS `person_id`
                        FROM (
                          SELECT
                            `t20`.`from_id`,
                            `t20`.`to_id` AS `person_id`
                          FROM `t19` AS `t20`
                          WHERE
                            `t20`.`rank` = 0
                        ) AS `t24`
                        LEFT OUTER JOIN (
                          SELECT
                            `t27`.`from_id` AS `next_from`,
                            `t27`.`to_id` AS `next_to`
                          FROM `t22` AS `t27`
                        ) AS `t32`
                          ON `t24`.`person_id` = `t32`.`next_from`
                      ) AS `t36`
                      LEFT OUTER JOIN (
                        SELECT
                          `t26`.`from_id` AS `next_from`,
                          `t26`.`to_id` AS `next_to`
                        FROM `t22` AS `t26`
                      ) AS `t31`
                        ON `t36`.`person_id` = `t31`.`next_from`
                    ) AS `t40`
                  ) AS `t42`
                    ON `t8`.`_sender` = `t42`.`s_from`
                ) AS `t43`
                WHERE
                  `t43`.`is_known`
              ) AS `t47`
              LEFT OUTER JOIN (
                SELECT
                  `t60`.`user_id` AS `m_user`,
                  `t60`.`account_id`,
                  `t60`.`email_domain`
                FROM `t59` AS `t60`
              ) AS `t63`
                ON `t47`.`person_id` = `t63`.`m_user`
            ) AS `t67`
            WHERE
              `t67`.`entity_id` IS NOT NULL
              AND `t67`.`type` = 'track'
              AND `t67`.`event` IN ('Subscription Started')
          ) AS `t70`
            ON `t78`.`entity_id` = `t70`.`key`
        ) AS `t80`
        WHERE
          NOT (
            `t80`.`paying`
          )
      ) AS `t82`
    ) AS `t84`
  ) AS `t85`
) AS `t86`;
