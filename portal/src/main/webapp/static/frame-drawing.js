/*
 * Drawing counting lines, zones and the counting region on a sample frame (the configuration page
 * of a people-counting deployment). The page works without this script: the coordinates are typed
 * into the form's fields. With it, clicks on the frame (an SVG whose viewBox is the image's pixel
 * size) add points, and finished shapes are written into the same fields:
 *   - line: two clicks append "Name: x1,y1 x2,y2" to the lines field;
 *   - zone: clicks, then "Fläche abschließen" append "Name: x,y x,y x,y ..." to the zones field;
 *   - region: clicks, then "Fläche abschließen" replace the region-of-interest field.
 * What the fields hold is drawn on the frame again whenever they change. An image chosen with the
 * file field is shown as the frame (read in the browser, never uploaded).
 */
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var svg = document.getElementById('frame');
  var tools = document.getElementById('drawing-tools');
  if (!svg || !tools || !svg.getScreenCTM) {
    return;
  }
  var shapes = document.getElementById('frame-shapes');
  var image = document.getElementById('frame-image');
  var fields = {
    lines: document.getElementById('lines'),
    zones: document.getElementById('zones'),
    roi: document.getElementById('regionOfInterest')
  };
  var status = document.getElementById('drawing-status');
  var nameInput = document.getElementById('shape-name');
  var width = Number(svg.getAttribute('data-width'));
  var height = Number(svg.getAttribute('data-height'));
  var pending = [];
  tools.hidden = false;

  function mode() {
    var checked = tools.querySelector('input[name=drawing-mode]:checked');
    return checked ? checked.value : 'line';
  }

  function text(id) {
    var el = document.getElementById(id);
    return el ? el.textContent : '';
  }

  function parsePoints(value) {
    var points = [];
    var pairs = value.trim().split(/[\s;]+/);
    for (var i = 0; i < pairs.length; i++) {
      if (!pairs[i]) {
        continue;
      }
      var xy = pairs[i].split(',');
      var x = Number(xy[0]);
      var y = Number(xy[1]);
      if (xy.length !== 2 || !isFinite(x) || !isFinite(y)) {
        return null;
      }
      points.push([x, y]);
    }
    return points;
  }

  function parseRows(value) {
    var rows = [];
    value.split(/\r?\n/).forEach(function (row) {
      var colon = row.lastIndexOf(':');
      if (colon < 0) {
        return;
      }
      var points = parsePoints(row.substring(colon + 1));
      if (points && points.length) {
        rows.push({ name: row.substring(0, colon).trim(), points: points });
      }
    });
    return rows;
  }

  function format(points) {
    return points.map(function (p) { return Math.round(p[0]) + ',' + Math.round(p[1]); }).join(' ');
  }

  function element(name, attributes, parent) {
    var el = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (k) { el.setAttribute(k, attributes[k]); });
    parent.appendChild(el);
    return el;
  }

  function polygon(points, cls, label) {
    element('polygon', { points: format(points), 'class': cls }, shapes);
    if (label) {
      element('text', { x: points[0][0] + 4, y: points[0][1] - 4, 'class': 'shape-label' }, shapes)
        .textContent = label;
    }
  }

  function redraw() {
    while (shapes.firstChild) {
      shapes.removeChild(shapes.firstChild);
    }
    var roi = fields.roi ? parsePoints(fields.roi.value) : null;
    if (roi && roi.length >= 3) {
      polygon(roi, 'shape-roi', null);
    }
    if (fields.zones) {
      parseRows(fields.zones.value).forEach(function (z) {
        if (z.points.length >= 3) {
          polygon(z.points, 'shape-zone', z.name);
        }
      });
    }
    if (fields.lines) {
      parseRows(fields.lines.value).forEach(function (l) {
        if (l.points.length === 2) {
          element('line', { x1: l.points[0][0], y1: l.points[0][1], x2: l.points[1][0], y2: l.points[1][1],
            'class': 'shape-line' }, shapes);
          element('circle', { cx: l.points[0][0], cy: l.points[0][1], r: 5, 'class': 'shape-start' }, shapes);
          element('text', { x: l.points[0][0] + 6, y: l.points[0][1] - 6, 'class': 'shape-label' }, shapes)
            .textContent = l.name;
        }
      });
    }
    pending.forEach(function (p) {
      element('circle', { cx: p[0], cy: p[1], r: 5, 'class': 'shape-pending' }, shapes);
    });
  }

  function nextName(field, prefix) {
    var typed = nameInput.value.trim();
    if (typed) {
      nameInput.value = '';
      return typed;
    }
    var taken = parseRows(field.value).map(function (r) { return r.name; });
    for (var n = 1; ; n++) {
      if (taken.indexOf(prefix + ' ' + n) < 0) {
        return prefix + ' ' + n;
      }
    }
  }

  function append(field, row) {
    var value = field.value.replace(/\s+$/, '');
    field.value = value ? value + '\n' + row : row;
  }

  function announce(message) {
    status.textContent = message;
  }

  function clamp(v, max) {
    return Math.min(Math.max(v, 0), max);
  }

  svg.addEventListener('click', function (event) {
    var matrix = svg.getScreenCTM();
    if (!matrix) {
      return;
    }
    var pt = svg.createSVGPoint();
    pt.x = event.clientX;
    pt.y = event.clientY;
    var p = pt.matrixTransform(matrix.inverse());
    pending.push([Math.round(clamp(p.x, width)), Math.round(clamp(p.y, height))]);
    if (mode() === 'line' && pending.length === 2) {
      var row = nextName(fields.lines, 'Linie') + ': ' + format(pending);
      append(fields.lines, row);
      pending = [];
      announce(text('drawing-text-line') + ' ' + row);
    } else {
      announce(text('drawing-text-pending') + ' ' + format(pending));
    }
    redraw();
  });

  document.getElementById('draw-finish').addEventListener('click', function () {
    if (pending.length < 3 || mode() === 'line') {
      return;
    }
    if (mode() === 'zone') {
      var row = nextName(fields.zones, 'Zone') + ': ' + format(pending);
      append(fields.zones, row);
      announce(text('drawing-text-line') + ' ' + row);
    } else {
      fields.roi.value = format(pending);
      announce(text('drawing-text-line') + ' ' + fields.roi.value);
    }
    pending = [];
    redraw();
  });

  document.getElementById('draw-undo').addEventListener('click', function () {
    pending.pop();
    announce(text('drawing-text-pending') + ' ' + format(pending));
    redraw();
  });

  tools.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'drawing-mode') {
      pending = [];
      redraw();
    }
  });

  document.getElementById('frame-file').addEventListener('change', function (event) {
    var file = event.target.files && event.target.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var probe = new Image();
      probe.onload = function () {
        width = probe.naturalWidth;
        height = probe.naturalHeight;
        svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
        image.setAttribute('width', width);
        image.setAttribute('height', height);
        image.setAttribute('href', reader.result);
        redraw();
      };
      probe.src = reader.result;
    };
    reader.readAsDataURL(file);
  });

  Object.keys(fields).forEach(function (k) {
    if (fields[k]) {
      fields[k].addEventListener('input', redraw);
    }
  });
  redraw();
}());
