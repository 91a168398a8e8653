WITH `t15` AS (
  SELECT
    `t13`.`from_id`,
    `t13`.`to_id`,
    `t13`.`linked_at`,
    ROW_NUMBER() OVER (PARTITION BY `t13`.`from_id` ORDER BY `t13`.`linked_at` ASC, `t13`.`to_id` ASC) - 1 AS `rank`
  FROM (
    SELECT
      `t10`.`from_id`,
      `t10`.`to_id`,
      MIN(`t10`.`at`) AS `linked_at`
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
            `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
            AND `t0`.`type` = 'alias'
            AND `t0`.`previous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t3`
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
            `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
            AND `t0`.`anonymous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t4`
      ) AS `t8`
      WHERE
        `t8`.`from_id` <> `t8`.`to_id`
    ) AS `t10`
    GROUP BY
      1,
      2
  ) AS `t13`
), `t19` AS (
  SELECT
    `t16`.`from_id`,
    `t16`.`to_id`,
    `t16`.`linked_at`
  FROM `t15` AS `t16`
  WHERE
    `t16`.`rank` = 0
), `t40` AS (
  SELECT
    `t7`.`type`,
    `t7`.`timestamp`,
    `t7`.`user_id`,
    `t7`.`anonymous_id`,
    `t7`.`group_id`,
    `t7`.`traits`,
    COALESCE(`t38`.`s_person`, `t7`.`_sender`) AS `person_id`,
    (
      `t7`.`user_id` IS NOT NULL
    ) OR (
      `t38`.`s_person` IS NOT NULL
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
      `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
  ) AS `t7`
  LEFT OUTER JOIN (
    SELECT
      `t36`.`from_id` AS `s_from`,
      `t36`.`person_id` AS `s_person`
    FROM (
      SELECT
        `t34`.`from_id`,
        COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
      FROM (
        SELECT
          `t20`.`from_id`,
          COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
        FROM (
          SELECT
            `t16`.`from_id`,
            `t16`.`to_id` AS `person_id`
          FROM `t15` AS `t16`
          WHERE
            `t16`.`rank` = 0
        ) AS `t20`
        LEFT OUTER JOIN (
          SELECT
            `t24`.`from_id` AS `next_from`,
            `t24`.`to_id` AS `next_to`
          FROM `t19` AS `t24`
        ) AS `t28`
          ON `t20`.`person_id` = `t28`.`next_from`
      ) AS `t34`
      LEFT OUTER JOIN (
        SELECT
          `t23`.`from_id` AS `next_from`,
          `t23`.`to_id` AS `next_to`
        FROM `t19` AS `t23`
      ) AS `t27`
        ON `t34`.`person_id` = `t27`.`next_from`
    ) AS `t36`
  ) AS `t38`
    ON `t7`.`_sender` = `t38`.`s_from`
), `t55` AS (
  SELECT
    `t54`.`user_id`,
    `t54`.`email`,
    `t54`.`email_domain`,
    `t54`.`first_seen`,
    `t54`.`last_seen`,
    COALESCE(
      `t54`.`group_account`,
      `t33`.`domain_account`,
      IF(
        (
          `t54`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t54`.`email_domain` IN (
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
        CONCAT('domain:', `t54`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t54`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t33`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t54`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t54`.`email_domain` IN (
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
        CONCAT('domain:', `t54`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t51`.`user_id`,
      `t51`.`first_seen`,
      `t51`.`last_seen`,
      `t51`.`group_account`,
      `t51`.`email`,
      NULLIF(
        IF(
          (
            INSTR(LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')), '@') - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')),
            IF(
              (
                (
                  INSTR(LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')), '@') - 1
                ) + 1 + 1
              ) >= 1,
              (
                INSTR(LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')), '@') - 1
              ) + 1 + 1,
              (
                INSTR(LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')), '@') - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(`t51`.`email`, ' \t\n\r\v\f')))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        `t47`.`user_id`,
        `t47`.`first_seen`,
        `t47`.`last_seen`,
        `t47`.`group_account`,
        `t49`.`email`
      FROM (
        SELECT
          `t44`.`person_id` AS `user_id`,
          MIN(`t44`.`timestamp`) AS `first_seen`,
          MAX(`t44`.`timestamp`) AS `last_seen`,
          MAX_BY(
            IF(`t44`.`group_id` IS NOT NULL, `t44`.`group_id`, NULL),
            IF(`t44`.`group_id` IS NOT NULL, `t44`.`timestamp`, NULL)
          ) AS `group_account`
        FROM (
          SELECT
            *
          FROM `t40` AS `t41`
          WHERE
            `t41`.`is_known`
        ) AS `t44`
        GROUP BY
          1
      ) AS `t47`
      LEFT OUTER JOIN (
        SELECT
          `t45`.`e_user`,
          MAX_BY(
            IF(
              safe.string(`t45`.`traits`['email']) IS NOT NULL,
              safe.string(`t45`.`traits`['email']),
              NULL
            ),
            IF(safe.string(`t45`.`traits`['email']) IS NOT NULL, `t45`.`timestamp`, NULL)
          ) AS `email`
        FROM (
          SELECT
            `t41`.`type`,
            `t41`.`timestamp`,
            `t41`.`user_id`,
            `t41`.`anonymous_id`,
            `t41`.`group_id`,
            `t41`.`traits`,
            `t41`.`person_id`,
            `t41`.`is_known`,
            `t41`.`person_id` AS `e_user`
          FROM `t40` AS `t41`
          WHERE
            `t41`.`is_known`
            AND `t41`.`type` <> 'group'
            AND `t41`.`traits` IS NOT NULL
            AND `t41`.`person_id` IS NOT NULL
        ) AS `t45`
        GROUP BY
          1
      ) AS `t49`
        ON `t47`.`user_id` = `t49`.`e_user`
    ) AS `t51`
  ) AS `t54`
  LEFT OUTER JOIN (
    SELECT
      `t29`.`domain`,
      `t29`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t22`.`group_id`,
        `t22`.`since`,
        `t22`.`domain`,
        ROW_NUMBER() OVER (PARTITION BY `t22`.`domain` ORDER BY `t22`.`since` ASC, `t22`.`group_id` ASC) - 1 AS `rank`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t11`.`group_id`,
            `t11`.`since`,
            NULLIF(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    LOWER(TRIM(COALESCE(`t11`.`domain`, `t11`.`website`), ' \t\n\r\v\f')),
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
              `t9`.`group_id`,
              MIN(`t9`.`timestamp`) AS `since`,
              MAX_BY(
                IF(`t9`.`domain` IS NOT NULL, `t9`.`domain`, NULL),
                IF(`t9`.`domain` IS NOT NULL, `t9`.`timestamp`, NULL)
              ) AS `domain`,
              MAX_BY(
                IF(`t9`.`website` IS NOT NULL, `t9`.`website`, NULL),
                IF(`t9`.`website` IS NOT NULL, `t9`.`timestamp`, NULL)
              ) AS `website`
            FROM (
              SELECT
                `t0`.`group_id`,
                `t0`.`timestamp`,
                safe.string(`t0`.`traits`['domain']) AS `domain`,
                safe.string(`t0`.`traits`['website']) AS `website`
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                AND `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
            ) AS `t9`
            GROUP BY
              1
          ) AS `t11`
        ) AS `t17`
        WHERE
          `t17`.`domain` IS NOT NULL
      ) AS `t22`
    ) AS `t29`
    WHERE
      `t29`.`rank` = 0
  ) AS `t33`
    ON `t54`.`email_domain` = `t33`.`domain`
)
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
  `t82`.`score`,
  `t82`.`tier`,
  'account' AS `entity_type`,
  DATETIME('2026-04-01T00:00:00') AS `as_of`
FROM (
  SELECT
    `t81`.*
    EXCEPT (`qualifies`)
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
      `t80`.`q__all__0`,
      `t80`.`q__all__1`,
      `t80`.`q__all__2`,
      `t80`.`score`,
      `t80`.`qualifies`,
      IF(`t80`.`qualifies`, 'pql', 'not qualified') AS `tier`
    FROM (
      SELECT
        `t78`.`entity_id`,
        `t78`.`account_id`,
        `t78`.`first_seen`,
        `t78`.`last_seen`,
        `t78`.`s__users`,
        `t78`.`s__core_workflows_7d`,
        `t78`.`s__employees`,
        `t78`.`paying`,
        `t78`.`q__all__0`,
        `t78`.`q__all__1`,
        `t78`.`q__all__2`,
        CAST(0 + IF(`t78`.`q__all__0`, 1, 0) + IF(`t78`.`q__all__1`, 1, 0) + IF(`t78`.`q__all__2`, 1, 0) AS FLOAT64) AS `score`,
        `t78`.`q__all__0` AND `t78`.`q__all__1` AND `t78`.`q__all__2` AS `qualifies`
      FROM (
        SELECT
          `t76`.`entity_id`,
          `t76`.`account_id`,
          `t76`.`first_seen`,
          `t76`.`last_seen`,
          `t76`.`s__users`,
          `t76`.`s__core_workflows_7d`,
          `t76`.`s__employees`,
          `t76`.`paying`,
          COALESCE(`t76`.`s__users` >= 5.0, FALSE) AS `q__all__0`,
          COALESCE(`t76`.`s__core_workflows_7d` >= 10.0, FALSE) AS `q__all__1`,
          COALESCE(`t76`.`s__employees` >= 51.0, FALSE) AS `q__all__2`
        FROM (
          SELECT
            `t74`.`entity_id`,
            `t74`.`account_id`,
            `t74`.`first_seen`,
            `t74`.`last_seen`,
            `t74`.`s__users`,
            `t74`.`s__core_workflows_7d`,
            `t74`.`s__employees`,
            `t66`.`key` IS NOT NULL AS `paying`
          FROM (
            SELECT
              `t71`.`entity_id`,
              `t71`.`account_id`,
              `t71`.`first_seen`,
              `t71`.`last_seen`,
              `t71`.`s__users`,
              `t71`.`s__core_workflows_7d`,
              `t14`.`s__employees`
            FROM (
              SELECT
                `t61`.`entity_id`,
                `t61`.`account_id`,
                `t61`.`first_seen`,
                `t61`.`last_seen`,
                COALESCE(`t68`.`s__users`, 0) AS `s__users`,
                COALESCE(`t68`.`s__core_workflows_7d`, 0) AS `s__core_workflows_7d`
              FROM (
                SELECT
                  `t58`.`account_id` AS `entity_id`,
                  MAX(`t58`.`account_id`) AS `account_id`,
                  MIN(`t58`.`first_seen`) AS `first_seen`,
                  MAX(`t58`.`last_seen`) AS `last_seen`
                FROM (
                  SELECT
                    `t56`.`user_id` AS `m_user`,
                    `t56`.`account_id`,
                    `t56`.`email_domain`,
                    `t56`.`first_seen`,
                    `t56`.`last_seen`
                  FROM `t55` AS `t56`
                  WHERE
                    `t56`.`account_id` IS NOT NULL
                ) AS `t58`
                GROUP BY
                  1
              ) AS `t61`
              LEFT OUTER JOIN (
                SELECT
                  `t64`.`entity_id` AS `key`,
                  COUNT(DISTINCT IF(TRUE AND TRUE, `t64`.`person_id`, NULL)) AS `s__users`,
                  COUNTIF(
                    (
                      `t64`.`type` = 'track'
                    )
                    AND `t64`.`event` IN ('Report Created')
                    AND (
                      `t64`.`timestamp` >= DATETIME('2026-03-25T00:00:00')
                    )
                  ) AS `s__core_workflows_7d`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t43`.`message_id`,
                      `t43`.`type`,
                      `t43`.`event`,
                      `t43`.`name`,
                      `t43`.`user_id`,
                      `t43`.`anonymous_id`,
                      `t43`.`group_id`,
                      `t43`.`previous_id`,
                      `t43`.`timestamp`,
                      `t43`.`original_timestamp`,
                      `t43`.`sent_at`,
                      `t43`.`received_at`,
                      `t43`.`properties`,
                      `t43`.`traits`,
                      `t43`.`context`,
                      `t43`.`source`,
                      `t43`.`loaded_at`,
                      `t43`.`person_id`,
                      `t59`.`account_id`,
                      `t59`.`email_domain`,
                      `t59`.`account_id` AS `entity_id`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t6`.`message_id`,
                          `t6`.`type`,
                          `t6`.`event`,
                          `t6`.`name`,
                          `t6`.`user_id`,
                          `t6`.`anonymous_id`,
                          `t6`.`group_id`,
                          `t6`.`previous_id`,
                          `t6`.`timestamp`,
                          `t6`.`original_timestamp`,
                          `t6`.`sent_at`,
                          `t6`.`received_at`,
                          `t6`.`properties`,
                          `t6`.`traits`,
                          `t6`.`context`,
                          `t6`.`source`,
                          `t6`.`loaded_at`,
                          COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                          (
                            `t6`.`user_id` IS NOT NULL
                          ) OR (
                            `t38`.`s_person` IS NOT NULL
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
                            `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                        ) AS `t6`
                        LEFT OUTER JOIN (
                          SELECT
                            `t36`.`from_id` AS `s_from`,
                            `t36`.`person_id` AS `s_person`
                          FROM (
                            SELECT
                              `t34`.`from_id`,
                              COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t20`.`from_id`,
                                COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t16`.`from_id`,
                                  `t16`.`to_id` AS `person_id`
                                FROM `t15` AS `t16`
                                WHERE
                                  `t16`.`rank` = 0
                              ) AS `t20`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t24`.`from_id` AS `next_from`,
                                  `t24`.`to_id` AS `next_to`
                                FROM `t19` AS `t24`
                              ) AS `t28`
                                ON `t20`.`person_id` = `t28`.`next_from`
                            ) AS `t34`
                            LEFT OUTER JOIN (
                              SELECT
                                `t23`.`from_id` AS `next_from`,
                                `t23`.`to_id` AS `next_to`
                              FROM `t19` AS `t23`
                            ) AS `t27`
                              ON `t34`.`person_id` = `t27`.`next_from`
                          ) AS `t36`
                        ) AS `t38`
                          ON `t6`.`_sender` = `t38`.`s_from`
                      ) AS `t39`
                      WHERE
                        `t39`.`is_known`
                    ) AS `t43`
                    LEFT OUTER JOIN (
                      SELECT
                        `t56`.`user_id` AS `m_user`,
                        `t56`.`account_id`,
                        `t56`.`email_domain`
                      FROM `t55` AS `t56`
                    ) AS `t59`
                      ON `t43`.`person_id` = `t59`.`m_user`
                  ) AS `t63`
                  WHERE
                    `t63`.`entity_id` IS NOT NULL
                ) AS `t64`
                GROUP BY
                  1
              ) AS `t68`
                ON `t61`.`entity_id` = `t68`.`key`
            ) AS `t71`
            LEFT OUTER JOIN (
              SELECT
                `t5`.`group_id` AS `key`,
                MAX_BY(
                  IF(
                    safe.float64(`t5`.`traits`['employees']) IS NOT NULL,
                    safe.float64(`t5`.`traits`['employees']),
                    NULL
                  ),
                  IF(safe.float64(`t5`.`traits`['employees']) IS NOT NULL, `t5`.`timestamp`, NULL)
                ) AS `s__employees`
              FROM (
                SELECT
                  *
                FROM `events` AS `t0`
                WHERE
                  `t0`.`type` = 'group'
                  AND `t0`.`traits` IS NOT NULL
                  AND `t0`.`group_id` IS NOT NULL
                  AND `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
              ) AS `t5`
              GROUP BY
                1
            ) AS `t14`
              ON `t71`.`entity_id` = `t14`.`key`
          ) AS `t74`
          LEFT OUTER JOIN (
            SELECT DISTINCT
              `t63`.`entity_id` AS `key`
            FROM (
              SELECT
                `t43`.`message_id`,
                `t43`.`type`,
                `t43`.`event`,
                `t43`.`name`,
                `t43`.`user_id`,
                `t43`.`anonymous_id`,
                `t43`.`group_id`,
                `t43`.`previous_id`,
                `t43`.`timestamp`,
                `t43`.`original_timestamp`,
                `t43`.`sent_at`,
                `t43`.`received_at`,
                `t43`.`properties`,
                `t43`.`traits`,
                `t43`.`context`,
                `t43`.`source`,
                `t43`.`loaded_at`,
                `t43`.`person_id`,
                `t59`.`account_id`,
                `t59`.`email_domain`,
                `t59`.`account_id` AS `entity_id`
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    `t6`.`message_id`,
                    `t6`.`type`,
                    `t6`.`event`,
                    `t6`.`name`,
                    `t6`.`user_id`,
                    `t6`.`anonymous_id`,
                    `t6`.`group_id`,
                    `t6`.`previous_id`,
                    `t6`.`timestamp`,
                    `t6`.`original_timestamp`,
                    `t6`.`sent_at`,
                    `t6`.`received_at`,
                    `t6`.`properties`,
                    `t6`.`traits`,
                    `t6`.`context`,
                    `t6`.`source`,
                    `t6`.`loaded_at`,
                    COALESCE(`t38`.`s_person`, `t6`.`_sender`) AS `person_id`,
                    (
                      `t6`.`user_id` IS NOT NULL
                    ) OR (
                      `t38`.`s_person` IS NOT NULL
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
                      `t0`.`timestamp` < DATETIME('2026-04-01T00:00:00')
                  ) AS `t6`
                  LEFT OUTER JOIN (
                    SELECT
                      `t36`.`from_id` AS `s_from`,
                      `t36`.`person_id` AS `s_person`
                    FROM (
                      SELECT
                        `t34`.`from_id`,
                        COALESCE(`t27`.`next_to`, `t34`.`person_id`) AS `person_id`
                      FROM (
                        SELECT
                          `t20`.`from_id`,
                          COALESCE(`t28`.`next_to`, `t20`.`person_id`) AS `person_id`
                        FROM (
                          SELECT
                            `t16`.`from_id`,
                            `t16`.`to_id` AS `person_id`
                          FROM `t15` AS `t16`
                          WHERE
                            `t16`.`rank` = 0
                        ) AS `t20`
                        LEFT OUTER JOIN (
                          SELECT
                            `t24`.`from_id` AS `next_from`,
                            `t24`.`to_id` AS `next_to`
                          FROM `t19` AS `t24`
                        ) AS `t28`
                          ON `t20`.`person_id` = `t28`.`next_from`
                      ) AS `t34`
                      LEFT OUTER JOIN (
                        SELECT
                          `t23`.`from_id` AS `next_from`,
                          `t23`.`to_id` AS `next_to`
                        FROM `t19` AS `t23`
                      ) AS `t27`
                        ON `t34`.`person_id` = `t27`.`next_from`
                    ) AS `t36`
                  ) AS `t38`
                    ON `t6`.`_sender` = `t38`.`s_from`
                ) AS `t39`
                WHERE
                  `t39`.`is_known`
              ) AS `t43`
              LEFT OUTER JOIN (
                SELECT
                  `t56`.`user_id` AS `m_user`,
                  `t56`.`account_id`,
                  `t56`.`email_domain`
                FROM `t55` AS `t56`
              ) AS `t59`
                ON `t43`.`person_id` = `t59`.`m_user`
            ) AS `t63`
            WHERE
              `t63`.`entity_id` IS NOT NULL
              AND `t63`.`type` = 'track'
              AND `t63`.`event` IN ('Subscription Started')
          ) AS `t66`
            ON `t74`.`entity_id` = `t66`.`key`
        ) AS `t76`
        WHERE
          NOT (
            `t76`.`paying`
          )
      ) AS `t78`
    ) AS `t80`
  ) AS `t81`
) AS `t82`;
