#include <histedit.h>
#include <stddef.h>

/* Swift cannot call C variadic functions (el_set, el_get, history): these wrappers fix the
   argument lists moodify-repl uses. */
static inline int moodify_el_set_prompt(EditLine *e, char *(*f)(EditLine *)) { return el_set(e, EL_PROMPT, f); }
static inline int moodify_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int moodify_el_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int moodify_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int moodify_el_addfn(EditLine *e, const char *name, const char *help,
                                   unsigned char (*f)(EditLine *, int)) { return el_set(e, EL_ADDFN, name, help, f); }
static inline int moodify_el_bind(EditLine *e, const char *key, const char *fn) { return el_set(e, EL_BIND, key, fn, NULL); }
static inline int moodify_el_set_clientdata(EditLine *e, void *d) { return el_set(e, EL_CLIENTDATA, d); }
static inline void *moodify_el_get_clientdata(EditLine *e) { void *d = NULL; el_get(e, EL_CLIENTDATA, &d); return d; }
static inline int moodify_history_setsize(History *h, HistEvent *ev, int n) { return history(h, ev, H_SETSIZE, n); }
static inline int moodify_history_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int moodify_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int moodify_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int moodify_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }
