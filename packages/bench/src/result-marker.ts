/** The line prefix that marks a child's result on stdout, so that library output cannot pass for one. */
export const resultMarker = "@@tessera-bench-result ";
