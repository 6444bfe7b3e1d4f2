#ifndef INCIDENTS_CYAML_SHIM_H
#define INCIDENTS_CYAML_SHIM_H
#include <yaml.h>
#endif
