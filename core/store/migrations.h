#pragma once
// The numbered schema migrations of the lab database. Each is applied in its own transaction and
// records its number in `schema_version`; the last number is the schema this build writes.
// Never edit a migration that has shipped: add the next one.
#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

struct Migration
{
    int version = 0;
    QString description;
    QStringList statements; // one SQL statement each (the SQLite driver runs one per call)
};

// In increasing version order, starting at 1.
const std::vector<Migration> &migrations();

} // namespace lab
