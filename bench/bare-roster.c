/* bare-roster.c: the reference the roster of the big folder is timed
 * against, as bench-startup times Sonae's start against a bare libadwaita
 * window. The same contacts, read from the same folder, in the same four
 * columns, font and sizes, set and written the plain way any program of
 * the toolkit would: one thread, a Pango layout a cell drawn by
 * pango_cairo_show_layout() as it is measured, a page when the next row
 * does not fit, the page number at the foot. No tags, no outline, no
 * badges, no number of pages: less than Sonae's roster does, so that its
 * time is the toolkit's, and moves only with the machine. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "bare-roster.h"
#include "sonae-contacts.h"

#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.890
#define MARGIN      51.0
#define PADDING     5.0
#define FONT        "Noto Sans CJK JP"

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  if (label != NULL && *label != '\0')
    g_string_append_printf (out, "%s %s", label, value);
  else
    g_string_append (out, value);
}

/* The four cells of @c, as text. */
static void
contact_cells (SonaeContact *c,
               char         *cells[4])
{
  GString *name = g_string_new (c->name);
  GString *phones = g_string_new (NULL);
  GString *details = g_string_new (NULL);

  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  append_line (name, NULL, c->reading);
  if (c->organization != NULL && *c->organization != '\0' && g_strcmp0 (c->organization, c->name) != 0)
    g_ptr_array_add (parts, c->organization);
  if (c->department != NULL && *c->department != '\0')
    g_ptr_array_add (parts, c->department);
  if (c->title != NULL && *c->title != '\0')
    g_ptr_array_add (parts, c->title);
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  append_line (name, NULL, joined);
  for (guint i = 0; c->phones != NULL && i < c->phones->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (c->phones, i);

      append_line (phones, l->label, l->value);
    }
  for (guint i = 0; c->emails != NULL && i < c->emails->len; i++)
    {
      SonaeLabeled *l = g_ptr_array_index (c->emails, i);

      append_line (details, l->label, l->value);
    }
  append_line (details, NULL, c->system);
  append_line (details, NULL, c->contract);
  append_line (details, NULL, c->url);
  cells[0] = g_string_free (name, FALSE);
  cells[1] = g_string_free (phones, FALSE);
  cells[2] = g_string_free (details, FALSE);
  cells[3] = g_strdup (c->verified_on != NULL ? c->verified_on : "—");
}

static PangoLayout *
cell_layout (PangoContext         *context,
             PangoFontDescription *font,
             const char           *text,
             double                width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_footer (cairo_t              *cr,
             PangoContext         *context,
             PangoFontDescription *font,
             guint                 page)
{
  g_autofree char *text = g_strdup_printf ("%u", page);
  g_autoptr(PangoLayout) layout = cell_layout (context, font, text, PAGE_WIDTH - 2 * MARGIN);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, MARGIN, PAGE_HEIGHT - MARGIN / 2);
  pango_cairo_show_layout (cr, layout);
}

guint
bench_bare_roster (SonaeStore *store,
                   const char *pdf)
{
  static const double widths[] = { 0.30, 0.23, 0.31, 0.16 };
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *regular = pango_font_description_from_string (FONT " 8.5");
  PangoFontDescription *bold = pango_font_description_from_string (FONT " Bold 8.5");
  double table = PAGE_WIDTH - 2 * MARGIN;
  double y = MARGIN;
  guint page = 1;

  /* As printing does: outlines not fitted to a screen's pixels. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  cairo_set_line_width (cr, 0.5);

  for (int group = 0; group < SONAE_N_GROUPS; group++)
    {
      g_autoptr(GPtrArray) contacts = sonae_contacts_list (store, group, NULL);

      for (guint i = 0; contacts != NULL && i < contacts->len; i++)
        {
          char *cells[4];
          PangoLayout *layouts[4];
          double x = MARGIN, height = 0;

          contact_cells (g_ptr_array_index (contacts, i), cells);
          for (int k = 0; k < 4; k++)
            {
              int h;

              layouts[k] = cell_layout (context, k == 0 ? bold : regular, cells[k],
                                        widths[k] * table - 2 * PADDING);
              pango_layout_get_size (layouts[k], NULL, &h);
              height = MAX (height, h / (double) PANGO_SCALE + 2 * PADDING);
            }
          if (y + height > PAGE_HEIGHT - MARGIN)
            {
              draw_footer (cr, context, regular, page++);
              cairo_show_page (cr);
              y = MARGIN;
            }
          for (int k = 0; k < 4; k++)
            {
              cairo_move_to (cr, x + PADDING, y + PADDING);
              pango_cairo_show_layout (cr, layouts[k]);
              cairo_rectangle (cr, x, y, widths[k] * table, height);
              x += widths[k] * table;
              g_object_unref (layouts[k]);
              g_free (cells[k]);
            }
          cairo_stroke (cr);
          y += height;
        }
    }
  draw_footer (cr, context, regular, page);
  cairo_show_page (cr);

  pango_font_description_free (regular);
  pango_font_description_free (bold);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    page = 0;
  cairo_surface_destroy (surface);
  return page;
}
