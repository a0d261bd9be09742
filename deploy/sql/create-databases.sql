-- One database per service (each service owns its data; none reads another's tables).
-- Tables are created by each service's migrations at start-up.
IF DB_ID(N'longshan_publicity') IS NULL CREATE DATABASE longshan_publicity;
IF DB_ID(N'longshan_archive') IS NULL CREATE DATABASE longshan_archive;
IF DB_ID(N'longshan_legalreview') IS NULL CREATE DATABASE longshan_legalreview;
IF DB_ID(N'longshan_statistics') IS NULL CREATE DATABASE longshan_statistics;
