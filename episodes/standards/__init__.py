"""What the podcast standards require: Apple Podcasts (apple), Podcasting 2.0 (podcasting20) and
schema.org (schema_org). Pure rules and data, no ORM."""
