WITH `t17` AS (
  SELECT
    `t14`.`from_id`,
    `t14`.`to_id`,
    `t14`.`linked_at`,
    ROW_NUMBER() OVER (
      PARTITION BY `t14`.`from_id`
      ORDER BY `t14`.`linked_at` ASC NULLS LAST, `t14`.`to_id` ASC NULLS LAST
    ) - 1 AS `rank`
  FROM (
    SELECT
      `t9`.`from_id`,
      `t9`.`to_id`,
      MIN(`t9`.`at`) AS `linked_at`
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
            `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            AND `t0`.`anonymous_id` IS NOT NULL
            AND `t0`.`user_id` IS NOT NULL
        ) AS `t2`
      ) AS `t7`
      WHERE
        `t7`.`from_id` <> `t7`.`to_id`
    ) AS `t9`
    GROUP BY
      1,
      2
  ) AS `t14`
), `t20` AS (
  SELECT
    `t18`.`from_id`,
    `t18`.`to_id`,
    `t18`.`linked_at`
  FROM `t17` AS `t18`
  WHERE
    `t18`.`rank` = 0
), `t51` AS (
  SELECT
    `t50`.`user_id`,
    `t50`.`email`,
    `t50`.`email_domain`,
    `t50`.`first_seen`,
    `t50`.`last_seen`,
    `t50`.`signed_up`,
    COALESCE(
      `t50`.`group_account`,
      `t33`.`domain_account`,
      IF(
        (
          `t50`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t50`.`email_domain` IN (
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
        CONCAT('domain:', `t50`.`email_domain`),
        NULL
      )
    ) AS `account_id`,
    CASE
      WHEN `t50`.`group_account` IS NOT NULL
      THEN 'group'
      WHEN `t33`.`domain_account` IS NOT NULL
      THEN 'domain'
      WHEN IF(
        (
          `t50`.`email_domain` IS NOT NULL
        )
        AND NOT (
          `t50`.`email_domain` IN (
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
        CONCAT('domain:', `t50`.`email_domain`),
        NULL
      ) IS NOT NULL
      THEN 'email'
      ELSE NULL
    END AS `account_via`
  FROM (
    SELECT
      `t47`.`user_id`,
      `t47`.`first_seen`,
      `t47`.`last_seen`,
      `t47`.`group_account`,
      `t47`.`email`,
      `t47`.`signed_up`,
      NULLIF(
        IF(
          (
            LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`))) - 1
          ) >= 0,
          SUBSTRING(
            LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`)),
            IF(
              (
                (
                  LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`))) - 1
                ) + 1 + 1
              ) >= 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`))) - 1
              ) + 1 + 1,
              (
                LOCATE('@', LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`))) - 1
              ) + 1 + 1 + LENGTH(LOWER(TRIM(' \t\n\r\v\f' FROM `t47`.`email`)))
            )
          ),
          NULL
        ),
        ''
      ) AS `email_domain`
    FROM (
      SELECT
        COALESCE(`t46`.`l_person`, `t46`.`sender`) AS `user_id`,
        MIN(`t46`.`first`) AS `first_seen`,
        MAX(`t46`.`last`) AS `last_seen`,
        MIN(`t46`.`signed`) AS `signed_up`,
        MAX_BY(
          IF(`t46`.`grp` IS NOT NULL, `t46`.`grp`, NULL),
          IF(`t46`.`grp` IS NOT NULL, `t46`.`grp_at`, NULL)
        ) AS `group_account`,
        MAX_BY(
          IF(`t46`.`mail` IS NOT NULL, `t46`.`mail`, NULL),
          IF(`t46`.`mail` IS NOT NULL, `t46`.`mail_at`, NULL)
        ) AS `email`
      FROM (
        SELECT
          *
        FROM (
          SELECT
            `t13`.`sender`,
            `t13`.`has_user`,
            `t13`.`first`,
            `t13`.`last`,
            `t13`.`signed`,
            `t13`.`grp`,
            `t13`.`grp_at`,
            `t13`.`mail`,
            `t13`.`mail_at`,
            `t41`.`l_from`,
            `t41`.`l_person`
          FROM (
            SELECT
              `t8`.`sender`,
              `t8`.`has_user`,
              MIN(`t8`.`timestamp`) AS `first`,
              MAX(`t8`.`timestamp`) AS `last`,
              MIN(IF(`t8`.`signs_up`, `t8`.`timestamp`, NULL)) AS `signed`,
              MAX_BY(
                IF(`t8`.`group_id` IS NOT NULL, `t8`.`group_id`, NULL),
                IF(`t8`.`group_id` IS NOT NULL, `t8`.`timestamp`, NULL)
              ) AS `grp`,
              MAX(IF(`t8`.`group_id` IS NOT NULL, `t8`.`timestamp`, NULL)) AS `grp_at`,
              MAX_BY(
                IF(`t8`.`email` IS NOT NULL, `t8`.`email`, NULL),
                IF(`t8`.`email` IS NOT NULL, `t8`.`timestamp`, NULL)
              ) AS `mail`,
              MAX(IF(`t8`.`email` IS NOT NULL, `t8`.`timestamp`, NULL)) AS `mail_at`
            FROM (
              SELECT
                COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) AS `sender`,
                `t0`.`user_id` IS NOT NULL AS `has_user`,
                `t0`.`timestamp`,
                (
                  `t0`.`type` = 'track'
                ) AND (
                  `t0`.`event` = 'Signed Up'
                ) AS `signs_up`,
                `t0`.`group_id`,
                IF(
                  `t0`.`type` <> 'group',
                  UNWRAP_JSON_STR(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'email'))),
                  NULL
                ) AS `email`
              FROM `events` AS `t0`
              WHERE
                `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
                AND COALESCE(`t0`.`user_id`, `t0`.`anonymous_id`) IS NOT NULL
            ) AS `t8`
            GROUP BY
              1,
              2
          ) AS `t13`
          LEFT OUTER JOIN (
            SELECT
              `t37`.`from_id` AS `l_from`,
              `t37`.`person_id` AS `l_person`
            FROM (
              SELECT
                `t35`.`from_id`,
                COALESCE(`t28`.`next_to`, `t35`.`person_id`) AS `person_id`
              FROM (
                SELECT
                  `t22`.`from_id`,
                  COALESCE(`t29`.`next_to`, `t22`.`person_id`) AS `person_id`
                FROM (
                  SELECT
                    `t18`.`from_id`,
                    `t18`.`to_id` AS `person_id`
                  FROM `t17` AS `t18`
                  WHERE
                    `t18`.`rank` = 0
                ) AS `t22`
                LEFT OUTER JOIN (
                  SELECT
                    `t25`.`from_id` AS `next_from`,
                    `t25`.`to_id` AS `next_to`
                  FROM `t20` AS `t25`
                ) AS `t29`
                  ON `t22`.`person_id` = `t29`.`next_from`
              ) AS `t35`
              LEFT OUTER JOIN (
                SELECT
                  `t24`.`from_id` AS `next_from`,
                  `t24`.`to_id` AS `next_to`
                FROM `t20` AS `t24`
              ) AS `t28`
                ON `t35`.`person_id` = `t28`.`next_from`
            ) AS `t37`
          ) AS `t41`
            ON `t13`.`sender` = `t41`.`l_from`
        ) AS `t43`
        WHERE
          `t43`.`has_user` OR (
            `t43`.`l_person` IS NOT NULL
          )
      ) AS `t46`
      GROUP BY
        1
    ) AS `t47`
  ) AS `t50`
  LEFT OUTER JOIN (
    SELECT
      `t30`.`domain`,
      `t30`.`group_id` AS `domain_account`
    FROM (
      SELECT
        `t21`.`group_id`,
        `t21`.`since`,
        `t21`.`domain`,
        ROW_NUMBER() OVER (
          PARTITION BY `t21`.`domain`
          ORDER BY `t21`.`since` ASC NULLS LAST, `t21`.`group_id` ASC NULLS LAST
        ) - 1 AS `rank`
      FROM (
        SELECT
          `t16`.`group_id`,
          `t16`.`since`,
          IF(`t16`.`domain_at` IS NOT NULL, `t16`.`domain`, `t16`.`website`) AS `domain`
        FROM (
          SELECT
            `t15`.`group_id`,
            MIN(`t15`.`timestamp`) AS `since`,
            MAX(IF(`t15`.`has_domain`, `t15`.`timestamp`, NULL)) AS `domain_at`,
            MAX_BY(
              IF(`t15`.`has_domain`, `t15`.`domain`, NULL),
              IF(`t15`.`has_domain`, `t15`.`timestamp`, NULL)
            ) AS `domain`,
            MAX_BY(
              IF(`t15`.`has_website`, `t15`.`website`, NULL),
              IF(`t15`.`has_website`, `t15`.`timestamp`, NULL)
            ) AS `website`
          FROM (
            SELECT
              `t5`.`group_id`,
              `t5`.`timestamp`,
              `t5`.`domain` IS NOT NULL AS `has_domain`,
              `t5`.`website` IS NOT NULL AS `has_website`,
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(TRIM(' \t\n\r\v\f' FROM `t5`.`domain`)), '^[a-z]+://', ''),
                    '^www\\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS `domain`,
              NULLIF(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    REGEXP_REPLACE(LOWER(TRIM(' \t\n\r\v\f' FROM `t5`.`website`)), '^[a-z]+://', ''),
                    '^www\\.',
                    ''
                  ),
                  '[/:?#].*$',
                  ''
                ),
                ''
              ) AS `website`
            FROM (
              SELECT
                `t0`.`group_id`,
                `t0`.`timestamp`,
                UNWRAP_JSON_STR(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'domain'))) AS `domain`,
                UNWRAP_JSON_STR(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'website'))) AS `website`
              FROM `events` AS `t0`
              WHERE
                `t0`.`type` = 'group'
                AND `t0`.`group_id` IS NOT NULL
                AND `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
            ) AS `t5`
          ) AS `t15`
          GROUP BY
            1
        ) AS `t16`
        WHERE
          IF(`t16`.`domain_at` IS NOT NULL, `t16`.`domain`, `t16`.`website`) IS NOT NULL
      ) AS `t21`
    ) AS `t30`
    WHERE
      `t30`.`rank` = 0
  ) AS `t33`
    ON `t50`.`email_domain` = `t33`.`domain`
)
SELECT
  `t75`.`entity_id`,
  `t75`.`account_id`,
  `t75`.`first_seen`,
  `t75`.`last_seen`,
  `t75`.`s__users`,
  `t75`.`s__core_workflows_7d`,
  `t75`.`s__employees`,
  `t75`.`paying`,
  `t75`.`q__all__0`,
  `t75`.`q__all__1`,
  `t75`.`q__all__2`,
  `t75`.`score`,
  `t75`.`tier`,
  'account' AS `entity_type`,
  CAST('2026-04-01T00:00:00' AS TIMESTAMP) AS `as_of`
FROM (
  SELECT
    `t74`.`entity_id`,
    `t74`.`account_id`,
    `t74`.`first_seen`,
    `t74`.`last_seen`,
    `t74`.`s__users`,
    `t74`.`s__core_workflows_7d`,
    `t74`.`s__employees`,
    `t74`.`paying`,
    `t74`.`q__all__0`,
    `t74`.`q__all__1`,
    `t74`.`q__all__2`,
    `t74`.`score`,
    `t74`.`tier`
  FROM (
    SELECT
      `t73`.`entity_id`,
      `t73`.`account_id`,
      `t73`.`first_seen`,
      `t73`.`last_seen`,
      `t73`.`s__users`,
      `t73`.`s__core_workflows_7d`,
      `t73`.`s__employees`,
      `t73`.`paying`,
      `t73`.`q__all__0`,
      `t73`.`q__all__1`,
      `t73`.`q__all__2`,
      `t73`.`score`,
      `t73`.`qualifies`,
      IF(`t73`.`qualifies`, 'pql', 'not qualified') AS `tier`
    FROM (
      SELECT
        `t71`.`entity_id`,
        `t71`.`account_id`,
        `t71`.`first_seen`,
        `t71`.`last_seen`,
        `t71`.`s__users`,
        `t71`.`s__core_workflows_7d`,
        `t71`.`s__employees`,
        `t71`.`paying`,
        `t71`.`q__all__0`,
        `t71`.`q__all__1`,
        `t71`.`q__all__2`,
        CAST(0 + IF(`t71`.`q__all__0`, 1, 0) + IF(`t71`.`q__all__1`, 1, 0) + IF(`t71`.`q__all__2`, 1, 0) AS DOUBLE) AS `score`,
        `t71`.`q__all__0` AND `t71`.`q__all__1` AND `t71`.`q__all__2` AS `qualifies`
      FROM (
        SELECT
          `t69`.`entity_id`,
          `t69`.`account_id`,
          `t69`.`first_seen`,
          `t69`.`last_seen`,
          `t69`.`s__users`,
          `t69`.`s__core_workflows_7d`,
          `t69`.`s__employees`,
          `t69`.`paying`,
          COALESCE(`t69`.`s__users` >= 5.0, FALSE) AS `q__all__0`,
          COALESCE(`t69`.`s__core_workflows_7d` >= 10.0, FALSE) AS `q__all__1`,
          COALESCE(`t69`.`s__employees` >= 51.0, FALSE) AS `q__all__2`
        FROM (
          SELECT
            `t67`.`entity_id`,
            `t67`.`account_id`,
            `t67`.`first_seen`,
            `t67`.`last_seen`,
            `t67`.`s__users`,
            `t67`.`s__core_workflows_7d`,
            `t67`.`s__employees`,
            `t67`.`c__converted` AS `paying`
          FROM (
            SELECT
              `t65`.`entity_id`,
              `t65`.`account_id`,
              `t65`.`first_seen`,
              `t65`.`last_seen`,
              `t65`.`s__users`,
              `t65`.`s__core_workflows_7d`,
              `t65`.`c__converted`,
              `t11`.`s__employees`
            FROM (
              SELECT
                `t57`.`entity_id`,
                `t57`.`account_id`,
                `t57`.`first_seen`,
                `t57`.`last_seen`,
                COALESCE(`t62`.`s__users`, 0) AS `s__users`,
                COALESCE(`t62`.`s__core_workflows_7d`, 0) AS `s__core_workflows_7d`,
                COALESCE(`t62`.`c__converted`, FALSE) AS `c__converted`
              FROM (
                SELECT
                  `t54`.`account_id` AS `entity_id`,
                  MAX(`t54`.`account_id`) AS `account_id`,
                  MIN(`t54`.`first_seen`) AS `first_seen`,
                  MAX(`t54`.`last_seen`) AS `last_seen`
                FROM (
                  SELECT
                    `t52`.`user_id` AS `m_user`,
                    `t52`.`account_id`,
                    `t52`.`email_domain`,
                    `t52`.`first_seen`,
                    `t52`.`last_seen`,
                    `t52`.`signed_up`
                  FROM `t51` AS `t52`
                  WHERE
                    `t52`.`account_id` IS NOT NULL
                ) AS `t54`
                GROUP BY
                  1
              ) AS `t57`
              LEFT OUTER JOIN (
                SELECT
                  `t60`.`entity_id` AS `key`,
                  COUNT(DISTINCT IF(TRUE AND TRUE, `t60`.`person_id`, NULL)) AS `s__users`,
                  SUM(
                    CAST((
                      `t60`.`type` = 'track'
                    )
                    AND `t60`.`event` IN ('Report Created')
                    AND (
                      `t60`.`timestamp` >= CAST('2026-03-25T00:00:00' AS TIMESTAMP)
                    ) AS BIGINT)
                  ) AS `s__core_workflows_7d`,
                  SUM(
                    CAST((
                      `t60`.`type` = 'track'
                    ) AND `t60`.`event` IN ('Subscription Started') AS BIGINT)
                  ) > 0 AS `c__converted`
                FROM (
                  SELECT
                    *
                  FROM (
                    SELECT
                      `t45`.`message_id`,
                      `t45`.`type`,
                      `t45`.`event`,
                      `t45`.`name`,
                      `t45`.`user_id`,
                      `t45`.`anonymous_id`,
                      `t45`.`group_id`,
                      `t45`.`previous_id`,
                      `t45`.`timestamp`,
                      `t45`.`original_timestamp`,
                      `t45`.`sent_at`,
                      `t45`.`received_at`,
                      `t45`.`properties`,
                      `t45`.`traits`,
                      `t45`.`context`,
                      `t45`.`source`,
                      `t45`.`loaded_at`,
                      `t45`.`person_id`,
                      `t55`.`account_id`,
                      `t55`.`email_domain`,
                      `t55`.`account_id` AS `entity_id`
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
                          COALESCE(`t40`.`s_person`, `t6`.`_sender`) AS `person_id`,
                          (
                            `t6`.`user_id` IS NOT NULL
                          ) OR (
                            `t40`.`s_person` IS NOT NULL
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
                        ) AS `t6`
                        LEFT OUTER JOIN (
                          SELECT
                            `t37`.`from_id` AS `s_from`,
                            `t37`.`person_id` AS `s_person`
                          FROM (
                            SELECT
                              `t35`.`from_id`,
                              COALESCE(`t28`.`next_to`, `t35`.`person_id`) AS `person_id`
                            FROM (
                              SELECT
                                `t22`.`from_id`,
                                COALESCE(`t29`.`next_to`, `t22`.`person_id`) AS `person_id`
                              FROM (
                                SELECT
                                  `t18`.`from_id`,
                                  `t18`.`to_id` AS `person_id`
                                FROM `t17` AS `t18`
                                WHERE
                                  `t18`.`rank` = 0
                              ) AS `t22`
                              LEFT OUTER JOIN (
                                SELECT
                                  `t25`.`from_id` AS `next_from`,
                                  `t25`.`to_id` AS `next_to`
                                FROM `t20` AS `t25`
                              ) AS `t29`
                                ON `t22`.`person_id` = `t29`.`next_from`
                            ) AS `t35`
                            LEFT OUTER JOIN (
                              SELECT
                                `t24`.`from_id` AS `next_from`,
                                `t24`.`to_id` AS `next_to`
                              FROM `t20` AS `t24`
                            ) AS `t28`
                              ON `t35`.`person_id` = `t28`.`next_from`
                          ) AS `t37`
                        ) AS `t40`
                          ON `t6`.`_sender` = `t40`.`s_from`
                      ) AS `t42`
                      WHERE
                        `t42`.`is_known`
                    ) AS `t45`
                    LEFT OUTER JOIN (
                      SELECT
                        `t52`.`user_id` AS `m_user`,
                        `t52`.`account_id`,
                        `t52`.`email_domain`
                      FROM `t51` AS `t52`
                    ) AS `t55`
                      ON `t45`.`person_id` = `t55`.`m_user`
                  ) AS `t59`
                  WHERE
                    `t59`.`entity_id` IS NOT NULL AND TRUE
                ) AS `t60`
                GROUP BY
                  1
              ) AS `t62`
                ON `t57`.`entity_id` = `t62`.`key`
            ) AS `t65`
            LEFT OUTER JOIN (
              SELECT
                `t4`.`group_id` AS `key`,
                MAX_BY(
                  IF(
                    `t4`.`s__employees` IS NOT NULL AND NOT ISNAN(`t4`.`s__employees`),
                    `t4`.`s__employees`,
                    NULL
                  ),
                  IF(
                    `t4`.`s__employees` IS NOT NULL AND NOT ISNAN(`t4`.`s__employees`),
                    `t4`.`timestamp`,
                    NULL
                  )
                ) AS `s__employees`
              FROM (
                SELECT
                  `t0`.`group_id`,
                  `t0`.`timestamp`,
                  UNWRAP_JSON_FLOAT(GET_JSON_OBJECT(`t0`.`traits`, FORMAT_STRING('$.%s', 'employees'))) AS `s__employees`
                FROM `events` AS `t0`
                WHERE
                  `t0`.`type` = 'group'
                  AND `t0`.`group_id` IS NOT NULL
                  AND `t0`.`traits` IS NOT NULL
                  AND `t0`.`timestamp` < CAST('2026-04-01T00:00:00' AS TIMESTAMP)
              ) AS `t4`
              GROUP BY
                1
            ) AS `t11`
              ON `t65`.`entity_id` = `t11`.`key`
          ) AS `t67`
        ) AS `t69`
        WHERE
          NOT (
            `t69`.`paying`
          )
      ) AS `t71`
    ) AS `t73`
  ) AS `t74`
) AS `t75`;
