import { createApp } from 'vue';
import App from './app.vue';
import { router } from './router';
import { loginRedirect, routeNames } from './router/locations';
import { setUnauthorizedHandler } from './api/http';
import { forgetSession } from './stores/session';
import './style/global.css';

// A 401 from any call means the session ended (expired, or signed out elsewhere).
setUnauthorizedHandler(() => {
  forgetSession();
  const current = router.currentRoute.value;
  if (current.name !== routeNames.login) void router.replace(loginRedirect(current.fullPath));
});

createApp(App).use(router).mount('#app');
