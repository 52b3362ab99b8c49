// The C library libcsv (Debian package libcsv-dev), seen from Swift as the module CLibCSV.
#include <csv.h>
