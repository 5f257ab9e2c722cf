#include <coin/Cbc_C_Interface.h>
#include <stdio.h>

/* CBC prints its log with stdio on standard output: line-buffer it, so that a reader of a pipe
   there hears each line when it is written (Swift 6 cannot name the C global `stdout`). */
static inline void fairflip_line_buffer_stdout(void) { setvbuf(stdout, NULL, _IOLBF, 0); }
