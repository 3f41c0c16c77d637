/* sonae-document-fonts.c: the Japanese font of a PDF file made as small as
 * its text needs.
 *
 * cairo embeds a subset of the CFF font (Noto Sans CJK): the glyphs used,
 * and of the font's subroutines those the glyphs call — as long as it can
 * follow every glyph. cairo 1.16 follows a subroutine only the first time a
 * glyph calls it; the operands and hints the next glyph declares through it
 * are then not counted, it loses track (a glyph seems to end with operands
 * left over), and it keeps every subroutine of the font: about 0.9 MB a
 * weight, for a one-page poster as for the binder. This pass reads each
 * embedded CFF font again, follows every glyph through every subroutine it
 * calls, and keeps those; the others become a bare “return”, so that every
 * subroutine keeps its number and the glyphs are drawn exactly as before.
 * Whatever it does not recognise is left as cairo wrote it. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sonae-document-fonts-private.h"

/* ---- CFF ----------------------------------------------------------------- */

/* The Type 2 charstring operators this pass needs to tell apart. */
enum {
  T2_HSTEM = 1,
  T2_VSTEM = 3,
  T2_CALLSUBR = 10,
  T2_RETURN = 11,
  T2_ESCAPE = 12,
  T2_ENDCHAR = 14,
  T2_HSTEMHM = 18,
  T2_HINTMASK = 19,
  T2_CNTRMASK = 20,
  T2_VSTEMHM = 23,
  T2_SHORTINT = 28,
  T2_CALLGSUBR = 29,
};

/* The charstring specification's limit. */
#define MAX_NESTING 10

/* An INDEX: @count objects, object i from data[offset(i)] to data[offset(i + 1)]. */
typedef struct {
  gsize start;          /* where the INDEX begins in the font */
  gsize end;            /* where it ends */
  guint count;
  guint off_size;
  gsize offsets;        /* where the offsets begin */
  gsize data;           /* one before the first object, as the offsets count */
} Index;

typedef struct {
  const guint8 *cff;
  gsize length;
} Font;

static gboolean
read_offset (const Font *f,
             gsize       pos,
             guint       size,
             gsize      *out)
{
  gsize value = 0;

  if (size < 1 || size > 4 || pos + size > f->length)
    return FALSE;
  for (guint i = 0; i < size; i++)
    value = (value << 8) | f->cff[pos + i];
  *out = value;
  return TRUE;
}

static gboolean
read_index (const Font *f,
            gsize       pos,
            Index      *index)
{
  gsize last;

  memset (index, 0, sizeof *index);
  index->start = pos;
  if (pos + 2 > f->length)
    return FALSE;
  index->count = (f->cff[pos] << 8) | f->cff[pos + 1];
  if (index->count == 0)
    {
      index->end = pos + 2;
      return TRUE;
    }
  if (pos + 3 > f->length)
    return FALSE;
  index->off_size = f->cff[pos + 2];
  index->offsets = pos + 3;
  if (index->off_size < 1 || index->off_size > 4 ||
      index->offsets + (gsize) (index->count + 1) * index->off_size > f->length)
    return FALSE;
  index->data = index->offsets + (gsize) (index->count + 1) * index->off_size - 1;
  if (!read_offset (f, index->offsets + (gsize) index->count * index->off_size, index->off_size, &last) ||
      last < 1 || index->data + last > f->length)
    return FALSE;
  index->end = index->data + last;
  return TRUE;
}

/* Object @i of @index: FALSE when its offsets are out of order or out of the font. */
static gboolean
index_object (const Font  *f,
              const Index *index,
              guint        i,
              gsize       *start,
              gsize       *end)
{
  gsize a, b;

  if (i >= index->count ||
      !read_offset (f, index->offsets + (gsize) i * index->off_size, index->off_size, &a) ||
      !read_offset (f, index->offsets + (gsize) (i + 1) * index->off_size, index->off_size, &b) ||
      a < 1 || b < a || index->data + b > index->end)
    return FALSE;
  *start = index->data + a;
  *end = index->data + b;
  return TRUE;
}

/* A DICT operator and its last operand: its value, and where that operand
 * is written and how (29 is the five-byte integer that can be rewritten in
 * place with any value). */
typedef struct {
  gboolean found;
  int value;            /* the last operand */
  int first;            /* the first of two operands (Private: its size) */
  gsize pos;            /* of the last operand, in the font */
  guint8 encoding;
} DictEntry;

typedef struct {
  DictEntry charset, charstrings, private_, fdarray, fdselect, ros, encoding, subrs, charstring_type;
} Dict;

static DictEntry *
dict_entry (Dict *d,
            int   op)
{
  switch (op)
    {
    case 15: return &d->charset;
    case 16: return &d->encoding;
    case 17: return &d->charstrings;
    case 18: return &d->private_;
    case 19: return &d->subrs;
    case 0x0c06: return &d->charstring_type;
    case 0x0c1e: return &d->ros;
    case 0x0c24: return &d->fdarray;
    case 0x0c25: return &d->fdselect;
    default: return NULL;
    }
}

static gboolean
read_dict (const Font *f,
           gsize       start,
           gsize       end,
           Dict       *d)
{
  int operands[48];
  gsize positions[48];
  guint8 encodings[48];
  guint n = 0;
  gsize p = start;

  memset (d, 0, sizeof *d);
  if (end > f->length || start > end)
    return FALSE;
  while (p < end)
    {
      guint8 b = f->cff[p];
      int value = 0;
      gsize at = p;

      if (b <= 21)
        {
          int op = b;
          DictEntry *e;

          if (b == 12)
            {
              if (p + 1 >= end)
                return FALSE;
              op = 0x0c00 | f->cff[p + 1];
              p += 2;
            }
          else
            p++;
          e = dict_entry (d, op);
          if (e != NULL && n > 0)
            {
              e->found = TRUE;
              e->value = operands[n - 1];
              e->first = operands[0];
              e->pos = positions[n - 1];
              e->encoding = encodings[n - 1];
            }
          n = 0;
          continue;
        }
      if (b == 28)
        {
          if (p + 3 > end)
            return FALSE;
          value = (gint16) ((f->cff[p + 1] << 8) | f->cff[p + 2]);
          p += 3;
        }
      else if (b == 29)
        {
          if (p + 5 > end)
            return FALSE;
          value = (gint32) (((guint32) f->cff[p + 1] << 24) | ((guint32) f->cff[p + 2] << 16) |
                            ((guint32) f->cff[p + 3] << 8) | f->cff[p + 4]);
          p += 5;
        }
      else if (b == 30)
        {
          /* A real number: nibbles up to an 0xf. */
          p++;
          while (p < end && (f->cff[p] & 0x0f) != 0x0f && (f->cff[p] >> 4) != 0x0f)
            p++;
          if (p >= end)
            return FALSE;
          p++;
        }
      else if (b >= 32 && b <= 246)
        {
          value = b - 139;
          p++;
        }
      else if (b >= 247 && b <= 250)
        {
          if (p + 2 > end)
            return FALSE;
          value = (b - 247) * 256 + f->cff[p + 1] + 108;
          p += 2;
        }
      else if (b >= 251 && b <= 254)
        {
          if (p + 2 > end)
            return FALSE;
          value = -(b - 251) * 256 - f->cff[p + 1] - 108;
          p += 2;
        }
      else
        return FALSE;
      if (n == G_N_ELEMENTS (operands))
        return FALSE;
      operands[n] = value;
      positions[n] = at;
      encodings[n] = b;
      n++;
    }
  return TRUE;
}

static int
subr_bias (guint count)
{
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/* The subroutines of one INDEX and which of them a glyph calls. */
typedef struct {
  Index index;
  guint8 *used;         /* count flags */
} Subrs;

typedef struct {
  const Font *font;
  Subrs *global;
  Subrs *local;         /* of the glyph's font dict; NULL when it has none */
  guint stack;          /* operands on the stack */
  gboolean top_is_int;  /* the last operand is an integer written as one */
  int top;
  guint hints;
  gboolean ended;
} Glyph;

/* Follows the charstring from @start to @end, marking every subroutine it
 * calls; FALSE when it cannot be followed (a subroutine number computed at
 * run time, an arithmetic operator, too deep), and the font is then left
 * as it is. */
static gboolean
follow (Glyph *g,
        gsize  start,
        gsize  end,
        guint  depth)
{
  const guint8 *cs = g->font->cff;
  gsize p = start;

  if (depth > MAX_NESTING || end > g->font->length)
    return FALSE;
  while (p < end && !g->ended)
    {
      guint8 b = cs[p];

      if (b == T2_SHORTINT || b >= 32)
        {
          if (b == T2_SHORTINT)
            {
              if (p + 3 > end)
                return FALSE;
              g->top = (gint16) ((cs[p + 1] << 8) | cs[p + 2]);
              g->top_is_int = TRUE;
              p += 3;
            }
          else if (b <= 246)
            {
              g->top = b - 139;
              g->top_is_int = TRUE;
              p++;
            }
          else if (b <= 250)
            {
              if (p + 2 > end)
                return FALSE;
              g->top = (b - 247) * 256 + cs[p + 1] + 108;
              g->top_is_int = TRUE;
              p += 2;
            }
          else if (b <= 254)
            {
              if (p + 2 > end)
                return FALSE;
              g->top = -(b - 251) * 256 - cs[p + 1] - 108;
              g->top_is_int = TRUE;
              p += 2;
            }
          else
            {
              /* 16.16 fixed: never a subroutine number. */
              if (p + 5 > end)
                return FALSE;
              g->top_is_int = FALSE;
              p += 5;
            }
          g->stack++;
          continue;
        }

      switch (b)
        {
        case T2_HSTEM:
        case T2_VSTEM:
        case T2_HSTEMHM:
        case T2_VSTEMHM:
          /* Pairs of operands, after the glyph's width when it is there. */
          g->hints += g->stack / 2;
          g->stack = 0;
          p++;
          break;
        case T2_HINTMASK:
        case T2_CNTRMASK:
          /* Operands before the first mask are vertical stems. */
          g->hints += g->stack / 2;
          g->stack = 0;
          p += 1 + (g->hints + 7) / 8;
          break;
        case T2_CALLSUBR:
        case T2_CALLGSUBR:
          {
            Subrs *subrs = b == T2_CALLSUBR ? g->local : g->global;
            gsize s, e;
            int number;

            if (!g->top_is_int || subrs == NULL || g->stack == 0)
              return FALSE;
            number = g->top + subr_bias (subrs->index.count);
            if (number < 0 || (guint) number >= subrs->index.count ||
                !index_object (g->font, &subrs->index, (guint) number, &s, &e))
              return FALSE;
            g->stack--;
            g->top_is_int = FALSE;
            subrs->used[number] = TRUE;
            if (!follow (g, s, e, depth + 1))
              return FALSE;
            p++;
          }
          break;
        case T2_RETURN:
          return TRUE;
        case T2_ENDCHAR:
          /* Four operands more would be an accented character made of two
           * others (seac), which this pass does not follow. */
          if (g->stack >= 4)
            return FALSE;
          g->ended = TRUE;
          return TRUE;
        case T2_ESCAPE:
          {
            guint8 op;

            if (p + 2 > end)
              return FALSE;
            op = cs[p + 1];
            /* dotsection, and the flex operators that clear the stack;
             * the arithmetic and storage operators could compute a
             * subroutine's number. */
            if (op != 0 && (op < 34 || op > 37))
              return FALSE;
            g->stack = 0;
            p += 2;
          }
          break;
        default:
          /* A path operator: it takes what is on the stack. */
          g->stack = 0;
          p++;
          break;
        }
      g->top_is_int = FALSE;
    }
  return TRUE;
}

/* A new INDEX of @subrs with the ones not used as a bare return. */
static void
append_trimmed (GByteArray  *out,
                const Font  *f,
                const Subrs *subrs)
{
  static const guint8 ret = T2_RETURN;
  gsize total = 1;
  guint off_size;
  guint8 head[3];

  if (subrs->index.count == 0)
    {
      g_byte_array_append (out, f->cff + subrs->index.start, 2);
      return;
    }
  for (guint i = 0; i < subrs->index.count; i++)
    {
      gsize s = 0, e = 0;

      if (subrs->used[i])
        index_object (f, &subrs->index, i, &s, &e);
      total += subrs->used[i] ? e - s : 1;
    }
  off_size = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  head[0] = subrs->index.count >> 8;
  head[1] = subrs->index.count & 0xff;
  head[2] = off_size;
  g_byte_array_append (out, head, 3);
  total = 1;
  for (guint i = 0; i <= subrs->index.count; i++)
    {
      guint8 bytes[4];

      for (guint k = 0; k < off_size; k++)
        bytes[k] = (total >> (8 * (off_size - 1 - k))) & 0xff;
      g_byte_array_append (out, bytes, off_size);
      if (i < subrs->index.count)
        {
          gsize s = 0, e = 0;

          if (subrs->used[i])
            index_object (f, &subrs->index, i, &s, &e);
          total += subrs->used[i] ? e - s : 1;
        }
    }
  for (guint i = 0; i < subrs->index.count; i++)
    {
      gsize s, e;

      if (subrs->used[i] && index_object (f, &subrs->index, i, &s, &e))
        g_byte_array_append (out, f->cff + s, e - s);
      else
        g_byte_array_append (out, &ret, 1);
    }
}

/* A part of the font that is written anew, shorter. */
typedef struct {
  gsize start, end;
  gsize new_size;       /* written anew */
  Subrs *subrs;
} Region;

typedef struct {
  Font font;
  Subrs global;
  GPtrArray *locals;    /* of Subrs, owned; one a font dict, NULL entries for none */
  GArray *regions;      /* of Region, by start */
  GArray *patches;      /* of Patch */
} Shrink;

typedef struct {
  gsize pos;            /* of a five-byte integer */
  gsize target;         /* the offset it holds, in the old font (absolute) */
  gsize base;           /* what the offset counts from (0, or a Private DICT) */
} Patch;

static void
subrs_free (gpointer data)
{
  Subrs *subrs = data;

  if (subrs == NULL)
    return;
  g_free (subrs->used);
  g_free (subrs);
}

static gboolean
subrs_init (const Font *f,
            gsize       pos,
            Subrs      *subrs)
{
  if (!read_index (f, pos, &subrs->index))
    return FALSE;
  subrs->used = g_malloc0 (MAX (subrs->index.count, 1));
  return TRUE;
}

/* Where @pos of the old font lands in the new one. */
static gsize
new_position (const Shrink *s,
              gsize         pos)
{
  gsize shift = 0;

  for (guint i = 0; i < s->regions->len; i++)
    {
      const Region *r = &g_array_index (s->regions, Region, i);

      if (r->end <= pos)
        shift += (r->end - r->start) - r->new_size;
    }
  return pos - shift;
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const Region *ra = a, *rb = b;

  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

/* @entry (an offset from @base) is to point where it pointed: TRUE when
 * it can be rewritten, or does not move. */
static gboolean
add_patch (Shrink          *s,
           const DictEntry *entry,
           gsize            base)
{
  Patch patch;

  if (!entry->found || entry->value < 0)
    return FALSE;
  patch.pos = entry->pos;
  patch.target = base + (gsize) entry->value;
  patch.base = base;
  if (entry->encoding != 29)
    /* Not rewritable in place: fine as long as nothing moves it. */
    return TRUE;
  g_array_append_val (s->patches, patch);
  return TRUE;
}

/* TRUE when no offset written in another way than five bytes moves. */
static gboolean
unpatched_stay (const Shrink    *s,
                const DictEntry *entry,
                gsize            base)
{
  gsize target;

  if (!entry->found || entry->encoding == 29)
    return TRUE;
  target = base + (gsize) entry->value;
  return new_position (s, target) - new_position (s, base) == target - base;
}

static gboolean
add_region (Shrink *s,
            Subrs  *subrs)
{
  Region r = { subrs->index.start, subrs->index.end, 0, subrs };

  for (guint i = 0; i < s->regions->len; i++)
    {
      const Region *o = &g_array_index (s->regions, Region, i);

      if (o->start == r.start && o->end == r.end)
        return o->subrs == subrs;
      if (r.start < o->end && o->start < r.end)
        return FALSE;
    }
  g_array_append_val (s->regions, r);
  return TRUE;
}

/* The glyph's font dict, from FDSelect format 0 or 3. */
static gboolean
fd_of_glyph (const Font *f,
             gsize       fdselect,
             guint       n_glyphs,
             guint       glyph,
             guint      *out)
{
  guint8 format;

  if (fdselect >= f->length)
    return FALSE;
  format = f->cff[fdselect];
  if (format == 0)
    {
      if (fdselect + 1 + n_glyphs > f->length)
        return FALSE;
      *out = f->cff[fdselect + 1 + glyph];
      return TRUE;
    }
  if (format == 3)
    {
      guint n_ranges;

      if (fdselect + 3 > f->length)
        return FALSE;
      n_ranges = (f->cff[fdselect + 1] << 8) | f->cff[fdselect + 2];
      if (fdselect + 3 + (gsize) n_ranges * 3 + 2 > f->length)
        return FALSE;
      for (guint r = 0; r < n_ranges; r++)
        {
          gsize at = fdselect + 3 + (gsize) r * 3;
          guint first = (f->cff[at] << 8) | f->cff[at + 1];
          guint next = (f->cff[at + 3] << 8) | f->cff[at + 4];

          if (glyph >= first && glyph < next)
            {
              *out = f->cff[at + 2];
              return TRUE;
            }
        }
    }
  return FALSE;
}

static GBytes *
shrink (Shrink *s)
{
  const Font *f = &s->font;
  Index names, top, strings, charstrings, fdarray = { 0 };
  Dict top_dict;
  gsize top_start, top_end;
  gboolean cid;
  GPtrArray *fd_locals;
  gsize saved = 0;
  GByteArray *out;
  gsize pos;

  if (f->length < 4 || f->cff[0] != 1 || f->cff[2] < 4)
    return NULL;
  if (!read_index (f, f->cff[2], &names) ||
      !read_index (f, names.end, &top) || top.count != 1 ||
      !read_index (f, top.end, &strings) ||
      !subrs_init (f, strings.end, &s->global) ||
      !index_object (f, &top, 0, &top_start, &top_end) ||
      !read_dict (f, top_start, top_end, &top_dict))
    return NULL;
  if (top_dict.charstring_type.found && top_dict.charstring_type.value != 2)
    return NULL;
  if (!top_dict.charstrings.found || top_dict.charstrings.value <= 0 ||
      !read_index (f, top_dict.charstrings.value, &charstrings) || charstrings.count == 0)
    return NULL;
  if (!add_region (s, &s->global))
    return NULL;

  /* The local subroutines: of each font dict (CID-keyed), or of the font. */
  cid = top_dict.ros.found;
  fd_locals = s->locals;
  if (cid)
    {
      if (!top_dict.fdarray.found || !top_dict.fdselect.found || top_dict.fdarray.value <= 0 ||
          !read_index (f, top_dict.fdarray.value, &fdarray) || fdarray.count == 0)
        return NULL;
      for (guint i = 0; i < fdarray.count; i++)
        {
          Dict fd, priv;
          gsize a, b, priv_start;
          Subrs *local = NULL;

          if (!index_object (f, &fdarray, i, &a, &b) || !read_dict (f, a, b, &fd))
            return NULL;
          if (fd.private_.found)
            {
              if (fd.private_.value < 0 || fd.private_.first < 0)
                return NULL;
              priv_start = fd.private_.value;
              if (!read_dict (f, priv_start, priv_start + fd.private_.first, &priv))
                return NULL;
              if (priv.subrs.found)
                {
                  local = g_new0 (Subrs, 1);
                  if (priv.subrs.value < 0 || !subrs_init (f, priv_start + priv.subrs.value, local))
                    {
                      subrs_free (local);
                      return NULL;
                    }
                }
            }
          g_ptr_array_add (fd_locals, local);
        }
    }
  else if (top_dict.private_.found)
    {
      Dict priv;
      gsize priv_start = top_dict.private_.value;
      Subrs *local = NULL;

      if (top_dict.private_.value < 0 || top_dict.private_.first < 0 ||
          !read_dict (f, priv_start, priv_start + top_dict.private_.first, &priv))
        return NULL;
      if (priv.subrs.found)
        {
          local = g_new0 (Subrs, 1);
          if (priv.subrs.value < 0 || !subrs_init (f, priv_start + priv.subrs.value, local))
            {
              subrs_free (local);
              return NULL;
            }
        }
      g_ptr_array_add (fd_locals, local);
    }
  else
    g_ptr_array_add (fd_locals, NULL);

  /* Every glyph, followed through every subroutine it calls. */
  for (guint i = 0; i < charstrings.count; i++)
    {
      Glyph g = { f, &s->global, NULL, 0, FALSE, 0, 0, FALSE };
      guint fd = 0;
      gsize a, b;

      if (cid && !fd_of_glyph (f, top_dict.fdselect.value, charstrings.count, i, &fd))
        return NULL;
      if (fd >= fd_locals->len || !index_object (f, &charstrings, i, &a, &b))
        return NULL;
      g.local = g_ptr_array_index (fd_locals, fd);
      if (!follow (&g, a, b, 0))
        return NULL;
    }

  for (guint i = 0; i < fd_locals->len; i++)
    if (g_ptr_array_index (fd_locals, i) != NULL && !add_region (s, g_ptr_array_index (fd_locals, i)))
      return NULL;
  g_array_sort (s->regions, compare_regions);

  /* What the smaller INDEXes save, and the offsets that move with them. */
  for (guint i = 0; i < s->regions->len; i++)
    {
      Region *r = &g_array_index (s->regions, Region, i);
      g_autoptr(GByteArray) trimmed = g_byte_array_new ();

      append_trimmed (trimmed, f, r->subrs);
      if (trimmed->len > r->end - r->start)
        return NULL;
      r->new_size = trimmed->len;
      saved += (r->end - r->start) - trimmed->len;
    }
  if (saved < 1024)
    return NULL;

  {
    const DictEntry *offsets[] = {
      &top_dict.charstrings, &top_dict.fdarray, &top_dict.fdselect, &top_dict.private_,
    };

    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      if (offsets[i]->found && offsets[i]->value > 0 &&
          (!add_patch (s, offsets[i], 0) || !unpatched_stay (s, offsets[i], 0)))
        return NULL;
    /* A charset of 0 to 2 or an Encoding of 0 or 1 is a predefined one,
     * not an offset. */
    if (top_dict.charset.found && top_dict.charset.value > 2 &&
        (!add_patch (s, &top_dict.charset, 0) || !unpatched_stay (s, &top_dict.charset, 0)))
      return NULL;
    if (top_dict.encoding.found && top_dict.encoding.value > 1 &&
        (!add_patch (s, &top_dict.encoding, 0) || !unpatched_stay (s, &top_dict.encoding, 0)))
      return NULL;
  }
  if (cid)
    for (guint i = 0; i < fdarray.count; i++)
      {
        Dict fd, priv;
        gsize a, b;

        if (!index_object (f, &fdarray, i, &a, &b) || !read_dict (f, a, b, &fd))
          return NULL;
        if (!fd.private_.found)
          continue;
        if (!add_patch (s, &fd.private_, 0) || !unpatched_stay (s, &fd.private_, 0) ||
            !read_dict (f, fd.private_.value, fd.private_.value + fd.private_.first, &priv))
          return NULL;
        if (priv.subrs.found &&
            (!add_patch (s, &priv.subrs, fd.private_.value) || !unpatched_stay (s, &priv.subrs, fd.private_.value)))
          return NULL;
      }
  else if (top_dict.private_.found)
    {
      Dict priv;

      if (!read_dict (f, top_dict.private_.value, top_dict.private_.value + top_dict.private_.first, &priv))
        return NULL;
      if (priv.subrs.found &&
          (!add_patch (s, &priv.subrs, top_dict.private_.value) ||
           !unpatched_stay (s, &priv.subrs, top_dict.private_.value)))
        return NULL;
    }

  /* The font again: what lies between the regions as it was (with the
   * offsets rewritten), each region shorter. */
  out = g_byte_array_sized_new (f->length - saved);
  pos = 0;
  for (guint i = 0; i <= s->regions->len; i++)
    {
      const Region *r = i < s->regions->len ? &g_array_index (s->regions, Region, i) : NULL;
      gsize until = r != NULL ? r->start : f->length;
      gsize copied = out->len;

      if (until < pos)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      g_byte_array_append (out, f->cff + pos, until - pos);
      for (guint k = 0; k < s->patches->len; k++)
        {
          const Patch *patch = &g_array_index (s->patches, Patch, k);
          gsize value;

          if (patch->pos < pos || patch->pos + 5 > until)
            continue;
          value = new_position (s, patch->target) - new_position (s, patch->base);
          if (value > G_MAXINT32)
            {
              g_byte_array_unref (out);
              return NULL;
            }
          out->data[copied + (patch->pos - pos) + 1] = (value >> 24) & 0xff;
          out->data[copied + (patch->pos - pos) + 2] = (value >> 16) & 0xff;
          out->data[copied + (patch->pos - pos) + 3] = (value >> 8) & 0xff;
          out->data[copied + (patch->pos - pos) + 4] = value & 0xff;
        }
      if (r == NULL)
        break;
      append_trimmed (out, f, r->subrs);
      pos = r->end;
    }
  return g_byte_array_free_to_bytes (out);
}

GBytes *
sonae_cff_shrink (const guint8 *cff,
                  gsize         length)
{
  Shrink s = { { cff, length }, { { 0 }, NULL }, NULL, NULL, NULL };
  GBytes *result;

  g_return_val_if_fail (cff != NULL || length == 0, NULL);

  s.locals = g_ptr_array_new_with_free_func (subrs_free);
  s.regions = g_array_new (FALSE, FALSE, sizeof (Region));
  s.patches = g_array_new (FALSE, FALSE, sizeof (Patch));
  result = shrink (&s);
  g_free (s.global.used);
  g_ptr_array_unref (s.locals);
  g_array_unref (s.regions);
  g_array_unref (s.patches);
  return result;
}
