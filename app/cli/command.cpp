#include "command.h"

namespace lab::cli {

namespace {
std::vector<Command> &table()
{
    static std::vector<Command> t;
    return t;
}
} // namespace

const std::vector<Command> &commands() { return table(); }

Registrar::Registrar(Command command) { table().push_back(std::move(command)); }

} // namespace lab::cli
