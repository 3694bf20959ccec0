// The path of a misuse shows where the handle was first closed. Every note
// is checked in this file.
#include <stdio.h>

void doubleFclose(const char *path) {
  FILE *f = fopen(path, "r"); // analyzer-note{{file stream opened here by 'fopen'}}
  if (!f) // analyzer-note{{Assuming 'f' is non-null}} analyzer-note{{Taking false branch}}
    return;
  fclose(f); // analyzer-note{{file stream closed here by 'fclose'}}
  fclose(f); // analyzer-warning{{'fclose' closes a file stream that was already closed by 'fclose'; close each handle exactly once}}
}
