/* sonae-document-phrases.c: Japanese lines broken between phrases (文節),
 * never inside a word, and a check box kept with its label.
 *
 * Japanese has no spaces between words, and Pango, as the Unicode line
 * breaking rules say, breaks a line between any two kanji or kana: a word
 * is cut in two (システム管 / 理者), and a check box's label too, which
 * then reads as two options (□ 軽 / 微・無). Here the text is cut into the
 * pieces a line may end between — phrases, and a check box with its
 * label — and each piece that fits on a line is marked to be kept whole
 * (an allow-breaks attribute): Pango then breaks only between them. */
#include "config.h"

#include <string.h>

#include "sonae-document-layout-private.h"

typedef enum {
  CHAR_OTHER,
  CHAR_SPACE,      /* white space where a line may break, a line's end */
  CHAR_GLUE,       /* a no-break space, a thin space: never a break */
  CHAR_HIRAGANA,
  CHAR_KATAKANA,   /* with ー */
  CHAR_KANJI,      /* with 々 〆 〇 */
  CHAR_LATIN,      /* letters and digits, half or full width */
  CHAR_OPEN,       /* （「『【… */
  CHAR_CLOSE,      /* ）」』】… */
  CHAR_TRAIL,      /* 、。・：／… that end a phrase */
  CHAR_BOX,        /* □ ■ ☐ ☑ ☒: a check box, kept with its label */
} CharClass;

typedef struct {
  guint offset;      /* in bytes, from the start of the text */
  guint8 klass;      /* CharClass */
  guint8 digit;      /* a digit, half or full width */
  guint8 particle;   /* a kana that may be a particle on its own */
  guint8 prefix;     /* お or ご, that may begin a word: お知らせ, ご確認 */
  guint8 newline;    /* the end of a paragraph */
  guint8 year;       /* 年 */
  guint8 wide_space; /* the ideographic space, which parts two options */
  float width;       /* estimated, in ems of the font's size */
} Char;

static CharClass
char_class (gunichar c)
{
  if (c == 0x00A0 || c == 0x2009 || c == 0x202F || c == 0x2060 || c == 0xFEFF)
    return CHAR_GLUE;
  if (g_unichar_isspace (c))
    return CHAR_SPACE;
  if (c < 0x80)
    {
      if (g_ascii_isalnum ((char) c))
        return CHAR_LATIN;
      if (c == '(' || c == '[' || c == '{')
        return CHAR_OPEN;
      if (c == ')' || c == ']' || c == '}')
        return CHAR_CLOSE;
      if (c == ',' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return CHAR_TRAIL;
      return CHAR_OTHER;
    }
  if (c >= 0x3041 && c <= 0x309F)
    return CHAR_HIRAGANA;
  if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FD || c == 0x30FE)
    return CHAR_KATAKANA;
  if (c == 0x3005 || c == 0x3006 || c == 0x3007 || g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
    return CHAR_KANJI;
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
      g_unichar_isalnum (c))
    return CHAR_LATIN;
  switch (c)
    {
    case 0x25A0: case 0x25A1: case 0x2610: case 0x2611: case 0x2612:
      return CHAR_BOX;
    case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x3014: case 0xFF3B: case 0xFF5B:
    case 0x3008: case 0x300A: case 0x201C: case 0x2018:
      return CHAR_OPEN;
    case 0xFF09: case 0x300D: case 0x300F: case 0x3011: case 0x3015: case 0xFF3D: case 0xFF5D:
    case 0x3009: case 0x300B: case 0x201D: case 0x2019:
      return CHAR_CLOSE;
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0x30FB: case 0xFF1A: case 0xFF1B:
    case 0xFF01: case 0xFF1F: case 0x2026: case 0xFF0F:
      return CHAR_TRAIL;
    default:
      return CHAR_OTHER;
    }
}

/* A kana that may be a particle on its own: を が は に で と の へ も や か. */
static gboolean
is_particle (gunichar c)
{
  static const gunichar particles[] = { 0x3092, 0x304C, 0x306F, 0x306B, 0x3067, 0x3068, 0x306E, 0x3078, 0x3082,
                                        0x3084, 0x304B };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (particles[i] == c)
      return TRUE;
  return FALSE;
}

/* About how wide @c is in the document's font, in ems: full width for
 * Japanese, less for Latin letters, digits and marks. Rather too wide than
 * too narrow: what is kept whole must fit its line (and a layout where
 * Pango had to cut a piece after all is set again: set_text() in
 * sonae-document-text.c). */
static float
char_width (gunichar  c,
            CharClass k)
{
  if (c >= 0x80)
    return (c >= 0xFF61 && c <= 0xFFDC) ? 0.5f : 1.0f;  /* half-width kana */
  if (k == CHAR_SPACE || k == CHAR_GLUE)
    return 0.25f;
  if (g_ascii_isdigit ((char) c) || g_ascii_islower ((char) c))
    return 0.6f;
  if (g_ascii_isupper ((char) c))
    return 0.75f;
  return 0.45f;
}

static gboolean
is_content (CharClass k)
{
  return k == CHAR_KANJI || k == CHAR_KATAKANA || k == CHAR_LATIN;
}

static gboolean
is_japanese (CharClass k)
{
  return k == CHAR_HIRAGANA || k == CHAR_KATAKANA || k == CHAR_KANJI;
}

/* Whether a phrase may end between @prev and @cur: after white space
 * (which ends the phrase before it) or a mark that ends one (、。・), before
 * an opening bracket or a check box, after a closing bracket unless a
 * particle follows, and where a word in kanji, katakana or Latin letters
 * follows kana (a particle or an ending). */
static gboolean
phrase_ends_between (CharClass prev,
                     CharClass cur)
{
  if (prev == CHAR_GLUE || cur == CHAR_GLUE || prev == CHAR_BOX)
    return FALSE;
  if (prev == CHAR_SPACE)
    return TRUE;
  if (cur == CHAR_SPACE || cur == CHAR_CLOSE || cur == CHAR_TRAIL || prev == CHAR_OPEN)
    return FALSE;
  if (prev == CHAR_TRAIL || cur == CHAR_OPEN || cur == CHAR_BOX)
    return TRUE;
  if (prev == CHAR_CLOSE)
    return cur != CHAR_HIRAGANA;
  return prev == CHAR_HIRAGANA && is_content (cur);
}

/* The characters of @text (@length bytes). */
static Char *
read_chars (const char *text,
            guint       length,
            guint      *n_chars,
            Char       *stack,
            guint       stack_size)
{
  Char *chars = stack;
  guint size = stack_size, n = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      CharClass k = char_class (c);

      if (n == size)
        {
          size *= 2;
          chars = chars == stack ? g_memdup2 (stack, sizeof (Char) * n) : chars;
          chars = g_renew (Char, chars, size);
        }
      chars[n].offset = (guint) (p - text);
      chars[n].klass = k;
      chars[n].digit = (k == CHAR_LATIN) && g_unichar_isdigit (c);
      chars[n].particle = k == CHAR_HIRAGANA && is_particle (c);
      chars[n].prefix = c == 0x304A || c == 0x3054;
      chars[n].newline = c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
      chars[n].year = c == 0x5E74;
      chars[n].wide_space = c == 0x3000;
      chars[n].width = char_width (c, k);
      n++;
    }
  *n_chars = n;
  return chars;
}

static float
span_width (const Char *chars,
            guint       from,
            guint       to)
{
  float w = 0;

  for (guint i = from; i < to; i++)
    w += chars[i].width;
  return w;
}

/* The phrase boundaries of @chars in @starts (TRUE where a phrase begins;
 * @starts[0] is left FALSE): the rules of phrase_ends_between(), with a
 * single kana between two kanji kept as the okurigana inside a word
 * (受け取る, 使い回す), and お or ご before kanji after a particle or a
 * word that is not kana begins the word (掲示で｜お知らせ, 書類を｜ご確認). */
static void
find_phrases (const Char *chars,
              guint       n,
              gboolean   *starts)
{
  for (guint i = 1; i < n; i++)
    {
      /* A paragraph's end ends its last piece, whatever follows; a mark
       * between digits is inside a number (10:05, 1,000, 2.5). */
      starts[i] = chars[i - 1].newline || phrase_ends_between (chars[i - 1].klass, chars[i].klass);
      if (starts[i] && i >= 2 && chars[i].digit && chars[i - 2].digit && chars[i - 1].klass == CHAR_TRAIL)
        starts[i] = FALSE;
      /* A date may go on after its year on the next line, in a narrow
       * column: 2026年｜10月6日. */
      if (i >= 2 && chars[i].digit && chars[i - 1].year && chars[i - 2].digit)
        starts[i] = TRUE;
      if (!starts[i] || chars[i].klass != CHAR_KANJI || chars[i - 1].klass != CHAR_HIRAGANA || i < 2)
        continue;
      if (chars[i - 2].klass == CHAR_KANJI && !chars[i - 1].particle)
        starts[i] = FALSE;
      else if (chars[i - 1].prefix && (chars[i - 2].klass != CHAR_HIRAGANA || chars[i - 2].particle))
        {
          starts[i] = FALSE;
          starts[i - 1] = TRUE;
        }
    }
  /* A short number after a space stays with the word before it: 代理 1,
   * レベル 3, 32 件, PC 2番. */
  for (guint i = 2; i < n; i++)
    {
      guint end = i;

      if (!starts[i] || !chars[i].digit || chars[i - 1].klass != CHAR_SPACE || chars[i - 1].newline ||
          (chars[i - 2].klass != CHAR_LATIN && !is_japanese (chars[i - 2].klass) && chars[i - 2].klass != CHAR_CLOSE))
        continue;
      while (end < n && chars[end].digit)
        end++;
      /* Not a time after a date: 2026年9月26日｜10:05. */
      if (end - i > 3 || (end + 1 < n && chars[end].klass == CHAR_TRAIL && chars[end + 1].digit))
        continue;
      if (end == n || chars[end].klass == CHAR_KANJI || chars[end].klass == CHAR_CLOSE ||
          chars[end].klass == CHAR_TRAIL || chars[end].klass == CHAR_SPACE)
        starts[i] = FALSE;
    }
  /* A counter after a number and a space: 32 件. */
  for (guint i = 2; i < n; i++)
    if (starts[i] && chars[i].klass == CHAR_KANJI && chars[i - 1].klass == CHAR_SPACE && !chars[i - 1].newline &&
        chars[i - 2].digit && (i + 1 == n || (chars[i + 1].klass != CHAR_KANJI && chars[i + 1].klass != CHAR_HIRAGANA &&
                                               chars[i + 1].klass != CHAR_KATAKANA)))
      starts[i] = FALSE;
}

/* A phrase [@from, @to) longer than its line is cut where its script
 * changes (医療情報｜システム), not between a number and its counter
 * (2026年｜12月｜7日), and only then wherever Pango breaks. */
static void
cut_long_phrase (const Char *chars,
                 guint       from,
                 guint       to,
                 gboolean   *starts)
{
  for (guint j = from + 1; j < to; j++)
    {
      CharClass a = chars[j - 1].klass;
      CharClass b = chars[j].klass;

      if (a == b || !is_content (a) || !is_content (b))
        continue;
      if (chars[j - 1].digit && b == CHAR_KANJI)
        continue;
      starts[j] = TRUE;
    }
}

/* Where the pieces to keep whole begin (@starts, TRUE at a piece's first
 * character), for a line of @line ems, and which of them are a check box
 * with its label (@boxes, TRUE at the box). */
static void
find_pieces (const Char *chars,
             guint       n,
             double      line,
             gboolean   *starts,
             gboolean   *boxes)
{
  guint i, from;

  memset (starts, 0, sizeof (gboolean) * (n + 1));
  memset (boxes, 0, sizeof (gboolean) * (n + 1));
  find_phrases (chars, n, starts);
  starts[n] = TRUE;

  /* A check box, the spaces after it and its label, up to what parts it
   * from the next option (the next box, an ideographic space, two spaces,
   * a paragraph's end), with the white space after it: one piece when it
   * fits on a line, else the box kept with the first phrase of its
   * label. */
  for (i = 0; i < n; i++)
    {
      guint label, end;

      if (chars[i].klass != CHAR_BOX)
        continue;
      for (label = i + 1; label < n && !chars[label].newline && !chars[label].wide_space &&
                          (chars[label].klass == CHAR_SPACE || chars[label].klass == CHAR_GLUE); label++)
        ;
      for (end = label; end < n; end++)
        if (chars[end].klass == CHAR_BOX || chars[end].newline || chars[end].wide_space ||
            (chars[end].klass == CHAR_SPACE && (end + 1 == n || chars[end + 1].klass == CHAR_SPACE)))
          break;
      while (end < n && chars[end].klass == CHAR_SPACE)
        end++;
      if (label >= end)
        continue;
      starts[i] = i > 0;
      if (span_width (chars, i, end) <= line)
        {
          for (guint k = i + 1; k < end; k++)
            starts[k] = FALSE;
          boxes[i] = TRUE;
        }
      else
        for (guint k = i + 1; k <= label && k < end; k++)
          starts[k] = FALSE;
      if (end < n)
        starts[end] = TRUE;
      i = end - 1;
    }

  /* Phrases longer than a line. */
  for (from = 0, i = 1; i <= n; i++)
    {
      if (!starts[i])
        continue;
      if (!boxes[from] && span_width (chars, from, i) > line)
        cut_long_phrase (chars, from, i, starts);
      from = i;
    }
}

#define STACK_CHARS 128

GArray *
sonae_document_phrase_starts (const char *text,
                              guint       max_chars)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (int));
  Char stack[STACK_CHARS];
  Char *chars;
  g_autofree gboolean *starts = NULL;
  g_autofree gboolean *boxes = NULL;
  guint n;

  g_return_val_if_fail (text != NULL, result);

  chars = read_chars (text, strlen (text), &n, stack, STACK_CHARS);
  starts = g_new (gboolean, n + 1);
  boxes = g_new (gboolean, n + 1);
  find_pieces (chars, n, max_chars, starts, boxes);
  for (guint i = 1; i < n; i++)
    if (starts[i])
      {
        int offset = (int) chars[i].offset;

        g_array_append_val (result, offset);
      }
  if (chars != stack)
    g_free (chars);
  return result;
}

/* Keep @text[@start, @end) (bytes) on one line. */
static void
keep_together (PangoAttrList *attrs,
               guint          start,
               guint          end)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

gboolean
sonae_layout_keep_words (const char    *text,
                         guint          length,
                         double         line,
                         double         widest,
                         PangoAttrList *attrs,
                         GArray        *ranges)
{
  Char stack[STACK_CHARS];
  gboolean starts_stack[STACK_CHARS + 1], boxes_stack[STACK_CHARS + 1];
  gboolean *starts = starts_stack, *boxes = boxes_stack;
  Char *chars;
  guint n, from;
  gboolean kept = FALSE, wide = FALSE;
  float width = 0;

  /* Nothing to do for a text without a check box or Japanese (they all
   * start with a byte of 0xE2 or more in UTF-8), nor for one that fits on
   * a line: most cells of a table. */
  for (guint i = 0; i < length && !wide; i++)
    wide = (guchar) text[i] >= 0xE2;
  if (!wide)
    return FALSE;

  chars = read_chars (text, length, &n, stack, STACK_CHARS);
  for (guint i = 0; i < n; i++)
    width += chars[i].width;
  if (width <= line * 0.95 && memchr (text, '\n', length) == NULL)
    goto out;

  if (n > STACK_CHARS)
    {
      starts = g_new (gboolean, n + 1);
      boxes = g_new (gboolean, n + 1);
    }
  find_pieces (chars, n, widest, starts, boxes);
  for (from = 0; from < n;)
    {
      guint to = from + 1;
      gboolean japanese = FALSE;

      while (!starts[to])
        to++;
      for (guint k = from; k < to && !japanese; k++)
        japanese = is_japanese (chars[k].klass);
      if ((boxes[from] || japanese) && to - from >= 2 && span_width (chars, from, to) <= widest)
        {
          guint last = to;
          guint range[2];

          /* Without the white space after it, where the line may end. */
          while (last > from + 1 && chars[last - 1].klass == CHAR_SPACE)
            last--;
          range[0] = chars[from].offset;
          range[1] = last < n ? chars[last].offset : length;
          keep_together (attrs, range[0], range[1]);
          if (ranges != NULL)
            g_array_append_vals (ranges, range, 2);
          kept = TRUE;
        }
      from = to;
    }
  if (starts != starts_stack)
    {
      g_free (starts);
      g_free (boxes);
    }
out:
  if (chars != stack)
    g_free (chars);
  return kept;
}

/* The longest phrase kept whole on screen, in ems: longer ones may be
 * broken, as a label is rarely narrower than this. */
#define SCREEN_WIDEST_PHRASE 16.0

PangoAttrList *
sonae_text_phrase_attributes (const char *text)
{
  PangoAttrList *attrs;

  g_return_val_if_fail (text != NULL, NULL);

  attrs = pango_attr_list_new ();
  /* A line of one em: the text is never taken to fit without a break. */
  if (!sonae_layout_keep_words (text, (guint) strlen (text), 1.0, SCREEN_WIDEST_PHRASE, attrs, NULL))
    {
      pango_attr_list_unref (attrs);
      return NULL;
    }
  return attrs;
}
