-- The figure CENTRAL_GROUP_SEMINAR (中心组专题学习研讨, contracts/figures.ts): targets and rules
-- store a figure's name, so the name joins the enum. Its parts ("SEMINAR:<study topic>") are
-- written already (20261208010000_study_parts_by_topic): no trigger change, no rebuild.
ALTER TYPE "Metric" ADD VALUE IF NOT EXISTS 'CENTRAL_GROUP_SEMINAR' AFTER 'SEMINAR';
