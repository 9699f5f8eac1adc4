'use strict';
// Shared behaviour: nothing yet beyond marking that scripts run, so CSS can show script-only controls.
document.documentElement.classList.add('js');
