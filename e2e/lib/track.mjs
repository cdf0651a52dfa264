// What a reader sees on the track, read from real element boxes (never the core's estimates).

/** Per marker on screen: its id, whether it shows a title, whether the title is whole (not
 *  cut by an ellipsis or a line clamp, and the text is the event's title), and the boxes of its
 *  icon and label. `sel` picks the widget. */
export async function markers(page, sel = "[data-timeline]") {
  return page.$eval(sel, (root) => {
    const vp = root.querySelector(".tl-viewport").getBoundingClientRect();
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    };
    return [...root.querySelectorAll(".tl-track .tl-marker")]
      .map((m) => {
        const icon = m.querySelector(".tl-marker__icon");
        const label = m.querySelector(".tl-marker__label");
        const ib = icon.getBoundingClientRect();
        const onScreen = ib.right > vp.left && ib.left < vp.right;
        let whole = false;
        let lb = null;
        if (label) {
          lb = label.getBoundingClientRect();
          const name = m.getAttribute("aria-label") || "";
          const text = label.textContent.trim();
          const fits = label.scrollWidth <= label.clientWidth + 1 && label.scrollHeight <= label.clientHeight + 1;
          const inside = lb.left >= vp.left - 1 && lb.right <= vp.right + 1 && lb.width > 0;
          whole = fits && inside && text.length > 0 && name.startsWith(text);
          // Whole, but running past the right edge of the view (the reader pans to read it).
          var clipped = fits && !inside && lb.left >= vp.left - 1 && name.startsWith(text);
        }
        return {
          id: m.getAttribute("data-event-id"),
          onScreen,
          labelled: !!label,
          whole,
          clipped: !!clipped,
          icon: box(icon),
          label: label ? { x: lb.left, y: lb.top, w: lb.width, h: lb.height } : null,
          labelOnScreen: !!lb && lb.right > vp.left && lb.left < vp.right,
        };
      });
  });
}

/** Pairs of boxes that overlap by more than `slack` px both ways: labels, icons and tick
 *  labels of one widget, on screen. Each entry names the two things. */
export async function overlaps(page, sel = "[data-timeline]", slack = 0.5) {
  return page.$eval(
    sel,
    (root, slack) => {
      const vp = root.querySelector(".tl-viewport").getBoundingClientRect();
      const items = [];
      const add = (el, what) => {
        const r = el.getBoundingClientRect();
        if (r.width <= 0 || r.height <= 0 || r.right <= vp.left || r.left >= vp.right) return;
        items.push({ what, r });
      };
      for (const m of root.querySelectorAll(".tl-track .tl-marker")) {
        const id = m.getAttribute("data-event-id");
        add(m.querySelector(".tl-marker__icon"), `icon ${id}`);
        const l = m.querySelector(".tl-marker__label");
        if (l) add(l, `label ${id}`);
      }
      for (const c of root.querySelectorAll(".tl-track .tl-cluster")) add(c, `cluster ${c.textContent}`);
      for (const t of root.querySelectorAll(".tl-tick__label")) if (t.textContent.trim()) add(t, `tick ${t.textContent}`);
      const out = [];
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const a = items[i];
          const b = items[j];
          if (a.what.split(" ")[1] === b.what.split(" ")[1] && !a.what.startsWith("tick")) continue; // one marker's own parts
          const dx = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const dy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (dx > slack && dy > slack) out.push(`${a.what} × ${b.what} (${dx.toFixed(1)}×${dy.toFixed(1)} px)`);
        }
      }
      return out;
    },
    slack,
  );
}

/** Waits until the view stops moving: the range label and the track's scale variables are the
 *  same on two successive animation frames a little apart. */
export async function settled(page, sel = "[data-timeline]") {
  await page.waitForFunction(
    (sel) =>
      new Promise((resolve) => {
        const vp = document.querySelector(`${sel} .tl-viewport`);
        const read = () => `${vp.style.getPropertyValue("--tl-v0")}|${vp.style.getPropertyValue("--tl-ppd")}|${vp.querySelectorAll(".tl-marker").length}`;
        const first = read();
        setTimeout(() => requestAnimationFrame(() => resolve(read() === first)), 120);
      }),
    sel,
    { timeout: 10_000, polling: 50 },
  );
}
